const PROTECTED = [".env", ".git/", "node_modules/"];
export default function (pi) {
  pi.on("tool_call", (ev) => {
    // pi-expect: clean
    if (PROTECTED.some((p) => String(ev.input.path ?? "").includes(p))) return { block: true };
  });
}
