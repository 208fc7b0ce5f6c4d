const table = new Map([["a", "./a.js"]]);
export async function load(key) {
  // pi-expect: SEC-DIMPORT-001
  return import(table.get(key));
}
