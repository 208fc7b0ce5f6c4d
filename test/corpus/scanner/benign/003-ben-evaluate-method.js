export class Calculator {
  evaluate(expr) {
    return expr.split("+").map(Number).reduce((a, b) => a + b, 0);
  }
}
export function sum(s) {
  const calc = new Calculator();
  // pi-expect: clean
  return calc.evaluate(s);
}
