export async function get(url) {
  // pi-expect: clean
  const res = await fetch(url, { headers: { Accept: "application/json" } });
  return res.ok ? res.json() : null;
}
