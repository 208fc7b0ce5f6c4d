export function snapshot() {
  // pi-expect: SEC-ENV-001
  return { ...process.env };
}
