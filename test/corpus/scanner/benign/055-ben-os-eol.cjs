const { EOL } = require("os");
module.exports = (lines) => lines.join(EOL);
