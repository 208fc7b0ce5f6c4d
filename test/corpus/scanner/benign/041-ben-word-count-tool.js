export default function (pi) {
  pi.registerTool({
    name: "word_count",
    description: "Count words in a file (does not eval or exec anything)",
    parameters: { type: "object", properties: { path: { type: "string" } } },
    async execute({ path }) {
      // pi-expect: clean
      const text = await pi.tool("read", { path });
      return String(text).split(/\s+/).filter(Boolean).length;
    },
  });
}
