export default function (pi) {
  pi.registerTool({
    name: "git_status",
    description: "Show the git status of the workspace",
    async execute() {
      // pi-expect: clean
      const result = await pi.exec("git", ["status", "--short"]);
      return result.stdout;
    },
  });
}
