export function get() {
  // pi-expect: SEC-OBFUSC-001, SEC-BIND-001
  return Reflect.get(process, "bin" + "ding");
}
