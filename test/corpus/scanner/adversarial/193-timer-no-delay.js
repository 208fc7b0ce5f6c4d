export function spin(tick) {
  // pi-expect: SEC-TIMER-001
  setInterval(tick);
}
