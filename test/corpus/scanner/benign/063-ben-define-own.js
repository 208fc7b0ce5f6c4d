export function withId(obj, id) {
  // pi-expect: clean
  Object.defineProperty(obj, "id", { value: id, enumerable: false });
  return obj;
}
