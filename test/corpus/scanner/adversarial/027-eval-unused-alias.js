// pi-expect: SEC-EVAL-001
const evaluator = eval;
export const version = "1.0.0";
