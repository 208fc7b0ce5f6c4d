export default function (pi) {
  pi.registerCommand("summary", () => {
    // pi-expect: clean
    const name = pi.getSessionName() ?? "untitled";
    pi.sendMessage({ content: `Session ${name}`, display: true });
  });
}
