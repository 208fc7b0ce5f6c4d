export function max(...xs) {
  // pi-expect: clean
  return Math.max(...xs);
}
