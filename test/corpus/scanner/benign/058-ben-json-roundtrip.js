export function clone(o) {
  // pi-expect: clean
  return JSON.parse(JSON.stringify(o));
}
