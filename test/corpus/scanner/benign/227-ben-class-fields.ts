import * as path from "node:path";
export class Store {
  private readonly items = new Map<string, number>();
  #root = path.join("data", "store");
  static instances = 0;
  constructor(private readonly name: string) {
    this.label = name.toUpperCase();
    Store.instances++;
  }
  label: string;
  get(key: string): number | undefined {
    // pi-expect: clean
    return this.items.get(key);
  }
  file(): string {
    // pi-expect: clean
    return path.join(this.#root, this.label + ".json");
  }
}
