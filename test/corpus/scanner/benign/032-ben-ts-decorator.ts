function command(name: string) {
  return (target: object, key: string) => {
    void target;
    void key;
    void name;
  };
}
export class Commands {
  // pi-expect: clean
  @command("exec")
  run(): string {
    return "ok";
  }
}
