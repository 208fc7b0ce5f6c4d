// pi-expect: SEC-NATIVEMOD-001
const addon = require("./build/Release/addon.node");
export default addon;
