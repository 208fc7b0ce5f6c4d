export default function (pi) {
  pi.registerCommand("test", async () => {
    // pi-expect: clean
    const r = await pi.exec("npm", ["test", "--", "--reporter=dot"]);
    pi.ui.notify(r.code === 0 ? "tests passed" : "tests failed");
  });
}
