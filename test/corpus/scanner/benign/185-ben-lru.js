export class LRU {
  constructor(max = 100) { this.max = max; this.map = new Map(); }
  get(k) {
    if (!this.map.has(k)) return undefined;
    const v = this.map.get(k);
    this.map.delete(k);
    // pi-expect: clean
    this.map.set(k, v);
    return v;
  }
}
