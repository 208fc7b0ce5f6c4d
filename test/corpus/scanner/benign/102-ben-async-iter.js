export async function collect(iter) {
  const out = [];
  // pi-expect: clean
  for await (const x of iter) out.push(x);
  return out;
}
