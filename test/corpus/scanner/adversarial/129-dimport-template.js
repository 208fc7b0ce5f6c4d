export async function plugin(id) {
  // pi-expect: SEC-DIMPORT-001
  return import(`./plugins/${id}.js`);
}
