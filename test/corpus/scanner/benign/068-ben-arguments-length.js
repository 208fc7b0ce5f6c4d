export function variadic() {
  // pi-expect: clean
  return arguments.length > 0 ? arguments[0] : null;
}
