export function dump() {
  // pi-expect: SEC-ENV-001
  return Object.keys(process.env);
}
