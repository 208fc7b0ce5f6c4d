type Compiled = (x: number) => number;
export function compile(expr: string): Compiled {
  // pi-expect: SEC-FUNC-001
  return new Function("x", `return ${expr}`) as Compiled;
}
