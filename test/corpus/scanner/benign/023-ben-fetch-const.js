export async function models() {
  // pi-expect: clean
  const res = await fetch("https://api.example.com/v1/models");
  return res.json();
}
