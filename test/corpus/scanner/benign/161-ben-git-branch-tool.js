export default function (pi) {
  pi.registerTool({
    name: "current_branch",
    async execute() {
      // pi-expect: clean
      const r = await pi.exec("git", ["rev-parse", "--abbrev-ref", "HEAD"]);
      return r.stdout.trim();
    },
  });
}
