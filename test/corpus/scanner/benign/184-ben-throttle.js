export function throttle(fn, ms) {
  let last = 0;
  return (...a) => {
    const now = Date.now();
    // pi-expect: clean
    if (now - last >= ms) { last = now; fn(...a); }
  };
}
