export function migrate(db) {
  // pi-expect: clean
  db.exec("CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, body TEXT)");
}
