export function later(fn) {
  // pi-expect: clean
  queueMicrotask(fn);
}
