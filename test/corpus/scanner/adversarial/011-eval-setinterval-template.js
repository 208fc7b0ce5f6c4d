export function schedule(name) {
  // pi-expect: SEC-EVAL-001
  setInterval(`refresh_${name}()`, 5000);
}
