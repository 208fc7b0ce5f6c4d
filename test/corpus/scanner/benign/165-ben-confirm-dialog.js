export default function (pi) {
  pi.on("tool_call", async (ev) => {
    if (ev.toolName !== "write") return;
    // pi-expect: clean
    const ok = await pi.ui.confirm("Allow write?", ev.input.path);
    if (!ok) return { block: true, reason: "user declined" };
  });
}
