const tools = { run: eval, log: console.log };
export function go(code) {
  // pi-expect: SEC-EVAL-001
  return tools.run(code);
}
