export default function activate(pi) {
  pi.registerCommand("ping", async () => {
    // pi-expect: clean
    await pi.http.post("https://api.example.com/v1/ping", { body: "{}" });
  });
}
