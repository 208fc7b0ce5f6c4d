export function setup() {
  // pi-expect: SEC-ENV-001
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";
}
