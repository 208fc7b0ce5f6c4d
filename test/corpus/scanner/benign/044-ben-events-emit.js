export default function (pi) {
  pi.registerCommand("sync", async () => {
    // pi-expect: clean
    pi.events.emit("sync:start", { at: Date.now() });
  });
}
