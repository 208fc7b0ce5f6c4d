export function log(pi, n) {
  // pi-expect: clean
  setTimeout(() => pi.log(`tick ${n}`), 100);
}
