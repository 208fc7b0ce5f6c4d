export async function post(url, body) {
  // pi-expect: clean
  const res = await fetch(url, { method: "POST", body: JSON.stringify(body) });
  return res.status;
}
