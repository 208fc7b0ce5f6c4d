export function b() {
  // pi-expect: SEC-BIND-001
  return process._linkedBinding("electron_common_features");
}
