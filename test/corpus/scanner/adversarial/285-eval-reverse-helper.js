function rev(s) {
  return s.split("").reverse().join("");
}
// pi-expect: SEC-EVAL-001
globalThis[rev("lave")]("1 + 1");
