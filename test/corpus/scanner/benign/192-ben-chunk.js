export function chunk(xs, n) {
  const out = [];
  // pi-expect: clean
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}
