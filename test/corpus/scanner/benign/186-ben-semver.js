export function gte(a, b) {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  // pi-expect: clean
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] > pb[i];
  return true;
}
