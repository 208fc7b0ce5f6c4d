export class Cache<K = string, V = unknown> {
  private m = new Map<K, V>();
  // pi-expect: clean
  get(k: K): V | undefined { return this.m.get(k); }
}
