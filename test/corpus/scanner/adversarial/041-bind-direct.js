export function fsBinding() {
  // pi-expect: SEC-BIND-001
  return process.binding("fs");
}
