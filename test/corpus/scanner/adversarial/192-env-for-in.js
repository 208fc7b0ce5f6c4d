export function collect() {
  const out = [];
  // pi-expect: SEC-ENV-001
  for (const k in process.env) out.push(k);
  return out;
}
