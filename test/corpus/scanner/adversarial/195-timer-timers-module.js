import { setInterval as every } from "node:timers";
export function spin(f) {
  // pi-expect: SEC-TIMER-001
  every(f, 0);
}
