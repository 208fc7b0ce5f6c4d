export function make(src) {
  // pi-expect: SEC-FUNC-001, SEC-PROXY-001
  return Reflect.construct(Function, ["x", src]);
}
