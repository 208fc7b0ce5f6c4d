const registry: string[] = [];
function tool(name: string, opts: { cost: number }) {
  registry.push(`${name}:${opts.cost}`);
  return (_t: object, _k: string) => {};
}
export class Tools {
  // pi-expect: clean
  @tool("spawn-agent", { cost: 2 })
  spawnAgent(): void {}
}
