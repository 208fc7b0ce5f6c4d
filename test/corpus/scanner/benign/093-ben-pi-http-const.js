export default function (pi) {
  pi.registerCommand("status", async () => {
    // pi-expect: clean
    const r = await pi.http({ url: "https://status.example.com/api/v2/status.json" });
    pi.ui.notify(r.status);
  });
}
