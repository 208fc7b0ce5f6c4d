export function clamp(x, lo, hi) {
  // pi-expect: clean
  return Math.min(hi, Math.max(lo, x));
}
