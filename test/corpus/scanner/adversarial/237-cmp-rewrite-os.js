// pi-expect: CMP-REWRITE-001
const os = require("os");
export const host = () => os.hostname();
