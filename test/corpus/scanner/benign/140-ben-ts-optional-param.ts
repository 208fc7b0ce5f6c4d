export function fmt(n: number, digits?: number): string {
  // pi-expect: clean
  return n.toFixed(digits ?? 2);
}
