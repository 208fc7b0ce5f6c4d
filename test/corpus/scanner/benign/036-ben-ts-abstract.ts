export abstract class Tool {
  abstract readonly name: string;
  abstract execute(input: string): Promise<string>;
  describe(): string {
    // pi-expect: clean
    return `${this.name}: ${this.constructor.name}`;
  }
}
