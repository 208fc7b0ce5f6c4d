export function spin(tick) {
  // pi-expect: SEC-TIMER-001
  return setInterval(tick, 1);
}
