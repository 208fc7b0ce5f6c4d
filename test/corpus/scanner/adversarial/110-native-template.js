const arch = "x64";
// pi-expect: SEC-NATIVEMOD-001
const m = require(`./prebuilds/${arch}/watcher.node`);
export default m;
