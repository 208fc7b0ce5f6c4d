const TODO = /TODO\((\w+)\):\s*(.*)/g;
export function todos(text) {
  const out = [];
  let m;
  // pi-expect: clean
  while ((m = TODO.exec(text)) !== null) out.push({ owner: m[1], note: m[2] });
  return out;
}
