/**
 * A constant lookup table keyed by names taken from scanned source: without a prototype, so names
 * such as `constructor`, `toString` or `__proto__` miss instead of finding Object.prototype members.
 */
export function ownTable<T extends object>(table: T): Readonly<T> {
  return Object.freeze(Object.assign(Object.create(null) as T, table));
}
