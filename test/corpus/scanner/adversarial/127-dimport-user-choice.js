export default function (pi) {
  pi.registerCommand("load", async (name) => {
    // pi-expect: SEC-DIMPORT-001
    const mod = await import(name);
    return mod.default;
  });
}
