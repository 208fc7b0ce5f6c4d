export function b(name) {
  // pi-expect: SEC-BIND-001, SEC-OBFUSC-001
  return process["bind" + "ing"](name);
}
