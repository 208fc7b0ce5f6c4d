export function debounce(fn, ms) {
  let t;
  return (...args) => {
    clearTimeout(t);
    // pi-expect: clean
    t = setTimeout(() => fn(...args), ms);
  };
}
