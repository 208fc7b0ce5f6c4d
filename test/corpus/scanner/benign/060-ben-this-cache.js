export class Store {
  constructor() {
    this.cache = {};
    this.binding = null;
  }
  get(k) {
    // pi-expect: clean
    return this.cache[k] ?? this.binding?.get(k);
  }
}
