export abstract class Step {
  abstract exec(input: string): Promise<string>;
}
export class Upper extends Step {
  // pi-expect: clean
  async exec(input: string): Promise<string> { return input.toUpperCase(); }
}
