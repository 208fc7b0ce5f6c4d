export function* range(n) {
  // pi-expect: clean
  for (let i = 0; i < n; i++) yield i;
}
