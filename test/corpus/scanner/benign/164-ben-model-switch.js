export default function (pi) {
  pi.registerCommand("fast", () => {
    // pi-expect: clean
    pi.setModel({ provider: "example", id: "small" });
  });
}
