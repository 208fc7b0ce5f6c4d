let handler = JSON.parse;
handler = eval;
export function go(code) {
  // pi-expect: SEC-EVAL-001
  return handler(code);
}
