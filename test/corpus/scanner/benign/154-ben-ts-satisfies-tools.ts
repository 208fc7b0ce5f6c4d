type Tool = { name: string; run(): string };
// pi-expect: clean
export const tools = [{ name: "eval-metrics", run: () => "ok" }] satisfies Tool[];
