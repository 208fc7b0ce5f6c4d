export default function (pi) {
  pi.registerCommand("readonly", () => {
    // pi-expect: clean
    pi.setActiveTools(pi.getAllTools().filter((t) => ["read", "grep", "ls"].includes(t)));
  });
}
