// pi-expect: SEC-OBFUSC-001
const { ["ev" + "al"]: evaluate } = globalThis;
export function run(x) {
  // pi-expect: SEC-EVAL-001
  return evaluate(x);
}
