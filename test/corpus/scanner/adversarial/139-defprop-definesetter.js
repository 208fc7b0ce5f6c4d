export function spy(cb) {
  // pi-expect: SEC-DEFPROP-001, SEC-PROTO-001
  Object.prototype.__defineSetter__("token", cb);
}
