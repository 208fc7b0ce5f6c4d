export class Runner {
  // pi-expect: clean
  constructor(private readonly exec: (c: string) => Promise<string>, public name = "runner") {}
  async go(): Promise<string> {
    // pi-expect: clean
    return this.exec("status");
  }
}
