export function compile(source) {
  // pi-expect: SEC-CONSTRUCTOR-001
  const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor;
  return new AsyncFunction("pi", source);
}
