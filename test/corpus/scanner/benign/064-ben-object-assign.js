export function merge(a, b) {
  // pi-expect: clean
  return Object.assign({}, a, b);
}
