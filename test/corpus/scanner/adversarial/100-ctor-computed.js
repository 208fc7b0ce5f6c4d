export function escape(x) {
  // pi-expect: SEC-CONSTRUCTOR-001, SEC-OBFUSC-001
  return x.constructor["con" + "structor"]("return this")();
}
