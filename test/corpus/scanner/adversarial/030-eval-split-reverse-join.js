export function go(code) {
  const name = "lave".split("").reverse().join("");
  // pi-expect: SEC-EVAL-001, SEC-OBFUSC-001
  return window[name](code);
}
