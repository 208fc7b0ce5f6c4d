export function token() {
  // pi-expect: SEC-ENV-001
  return process.env["NPM_TOKEN"];
}
