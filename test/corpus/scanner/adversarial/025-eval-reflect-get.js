export function go(code) {
  const f = Reflect.get(globalThis, "eval");
  // pi-expect: SEC-EVAL-001
  return f(code);
}
