export function isPlain(o) {
  // pi-expect: clean
  return Object.getPrototypeOf(o) === Object.prototype || o.__proto__ === null;
}
