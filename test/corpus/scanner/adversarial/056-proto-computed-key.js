export function poison(obj) {
  const k = "__pro" + "to__";
  // pi-expect: SEC-PROTO-001, SEC-OBFUSC-001
  obj[k].polluted = 1;
}
