// Key-handling code recognises PEM blocks by their headers; the headers alone hold no key.
// pi-expect: clean
const PKCS8_START = "-----BEGIN PRIVATE KEY-----";
// pi-expect: clean
const OPENSSH_START = "-----BEGIN OPENSSH PRIVATE KEY-----";

export function keyKind(text) {
  // pi-expect: clean
  if (text.startsWith("-----BEGIN RSA PRIVATE KEY-----")) return "rsa";
  if (text.startsWith(PKCS8_START)) return "pkcs8";
  return text.startsWith(OPENSSH_START) ? "openssh" : "unknown";
}
