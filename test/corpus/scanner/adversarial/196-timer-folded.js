const DELAY = 10 / 5;
export function spin(f) {
  // pi-expect: SEC-TIMER-001
  globalThis.setInterval(f, DELAY);
}
