export function dump() {
  // pi-expect: SEC-ENV-001
  return JSON.stringify(process.env);
}
