// A registry of "services" kept in a Map hides which module runs the command.
const services = new Map([["fmt", require("util")]]);
services.set("run", require("child_process"));

export function register(pi) {
  pi.command("format", async (args) => {
    const svc = "r" + "un";
    // pi-expect: SEC-SPAWN-001
    services.get(svc).exec(`prettier --write ${args.file}`);
  });
}
