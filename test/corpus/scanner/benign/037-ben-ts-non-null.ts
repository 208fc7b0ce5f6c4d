export function first(xs: string[] | undefined): string {
  // pi-expect: clean
  return xs![0]!;
}
