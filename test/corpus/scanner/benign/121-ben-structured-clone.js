export function copy(o) {
  // pi-expect: clean
  return structuredClone(o);
}
