export function keysOf(o) {
  // pi-expect: clean
  return Reflect.ownKeys(o).filter((k) => Reflect.has(o, k) && Reflect.get(o, k) !== undefined);
}
