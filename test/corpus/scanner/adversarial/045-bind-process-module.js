import proc from "node:process";
export function b() {
  // pi-expect: SEC-BIND-001
  return proc.binding("tcp_wrap");
}
