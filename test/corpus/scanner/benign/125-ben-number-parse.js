export function port(s) {
  // pi-expect: clean
  const n = Number.parseInt(s, 10);
  return Number.isFinite(n) ? n : 0;
}
