const handlers = [(x) => x + 1, (x) => x * 2];
export function applyAll(value) {
  // pi-expect: clean
  return handlers.reduce((acc, h) => h(acc), value);
}
