export function diff(a, b) {
  const A = a.split("\n");
  const B = new Set(b.split("\n"));
  // pi-expect: clean
  return A.filter((l) => !B.has(l));
}
