function sql(strings, ...values) {
  return { text: strings.join("?"), values };
}
export function q(id) {
  // pi-expect: clean
  return sql`SELECT * FROM notes WHERE id = ${id}`;
}
