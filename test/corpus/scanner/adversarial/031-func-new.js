export function compile(body) {
  // pi-expect: SEC-FUNC-001
  return new Function("ctx", body);
}
