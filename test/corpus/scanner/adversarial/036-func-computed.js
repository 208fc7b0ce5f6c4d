export function make(src) {
  // pi-expect: SEC-FUNC-001, SEC-OBFUSC-001
  return new window["Func" + "tion"](src);
}
