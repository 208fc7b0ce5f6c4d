const BASE = "https://api.example.com";
export async function models() {
  // pi-expect: clean
  return (await fetch(BASE + "/v1/models")).json();
}
