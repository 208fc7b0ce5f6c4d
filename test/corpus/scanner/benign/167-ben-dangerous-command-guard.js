const DANGEROUS = ["rm -rf", "sudo", "chmod 777", "curl | sh", "eval"];
export default function (pi) {
  pi.on("tool_call", (ev) => {
    if (ev.toolName !== "bash") return;
    // pi-expect: clean
    const hit = DANGEROUS.find((d) => ev.input.command.includes(d));
    if (hit) return { block: true, reason: `blocked: ${hit}` };
  });
}
