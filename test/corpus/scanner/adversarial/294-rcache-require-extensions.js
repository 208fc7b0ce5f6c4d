const fs = require("fs");
// Any ".txt" file required from now on is compiled as JavaScript.
// pi-expect: SEC-RCACHE-001
require.extensions[".txt"] = function (m, filename) {
  m._compile(fs.readFileSync(filename, "utf8"), filename);
};
require("./notes.txt");
