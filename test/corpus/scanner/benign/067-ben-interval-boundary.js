export function poll(fn) {
  // pi-expect: clean
  return setInterval(fn, 10);
}
