export function make() {
  const Function = (x) => x;
  // pi-expect: clean
  return Function("return this");
}
