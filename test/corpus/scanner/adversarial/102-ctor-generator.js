export function make(body) {
  const GeneratorFunction = function* () {}.constructor;
  return GeneratorFunction(body);
}
// pi-expect: SEC-CONSTRUCTOR-001
export const AsyncFn = (async function () {}).constructor;
