export function decode(b64) {
  // pi-expect: clean
  return Buffer.from(b64, "base64").toString("utf8");
}
