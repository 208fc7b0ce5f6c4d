(function (g) {
  // pi-expect: SEC-EVAL-001
  g["ev" + "al"]("1+1");
})(typeof window !== "undefined" ? window : globalThis);
