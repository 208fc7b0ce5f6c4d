function Proxy(target) {
  return { target };
}
export function wrap(t) {
  // pi-expect: clean
  return new Proxy(t);
}
