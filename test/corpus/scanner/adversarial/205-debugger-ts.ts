export function check(x: number): number {
  if (x > 3) {
    // pi-expect: SEC-DEBUG-001
    debugger;
  }
  return x;
}
