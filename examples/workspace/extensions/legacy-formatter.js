// legacy-formatter: a single-file extension written for plain Node. It spins up worker threads,
// which the host does not support.
const { Worker } = require("worker_threads");
const path = require("path");

module.exports = function activate(pi) {
  pi.registerCommand("format-all", () => {
    const worker = new Worker(path.join(__dirname, "fmt-worker.js"));
    worker.on("message", (m) => pi.log(`formatted ${m.count} files`));
  });
};
