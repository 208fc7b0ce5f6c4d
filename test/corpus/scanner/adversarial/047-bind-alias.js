const p = process;
export function b() {
  // pi-expect: SEC-BIND-001
  return p.binding("constants");
}
