export function chain(o) {
  const out = [];
  // pi-expect: clean
  for (let p = Object.getPrototypeOf(o); p; p = Object.getPrototypeOf(p)) out.push(p.constructor?.name);
  return out;
}
