export default function (pi) {
  pi.on("session_start", () => {
    // pi-expect: clean
    pi.setLabel("review");
    pi.setThinkingLevel("medium");
  });
}
