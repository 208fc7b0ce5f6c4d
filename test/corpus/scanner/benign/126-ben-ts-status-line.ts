import type { ExtensionAPI } from "@pi/extension";
export default function activate(pi: ExtensionAPI): void {
  let turns = 0;
  pi.on("turn_end", () => {
    turns++;
    // pi-expect: clean
    pi.ui.setStatus("turns", `turns: ${turns}`);
  });
}
