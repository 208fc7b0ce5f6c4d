const meta = new WeakMap();
export function tag(o, v) {
  // pi-expect: clean
  meta.set(o, v);
}
