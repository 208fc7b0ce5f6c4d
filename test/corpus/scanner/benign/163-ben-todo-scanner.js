export default function (pi) {
  pi.registerTool({
    name: "todos",
    async execute({ path }) {
      // pi-expect: clean
      const text = String(await pi.tool("read", { path }));
      return text.split("\n").filter((l) => l.includes("TODO")).join("\n");
    },
  });
}
