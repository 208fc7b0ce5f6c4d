export function bytes(s) {
  // pi-expect: clean
  return new TextEncoder().encode(s).length;
}
