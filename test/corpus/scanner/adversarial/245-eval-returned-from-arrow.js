// pi-expect: SEC-EVAL-001
const getRunner = () => eval;
export function run(x) {
  return getRunner()(x);
}
