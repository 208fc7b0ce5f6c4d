function inner() {
  // pi-expect: SEC-ARGUMENTS-001
  return inner.caller;
}
export default inner;
