const Module = require("module");
const original = Module._load;
// pi-expect: SEC-RCACHE-001
Module._load = function (request, parent, isMain) {
  return original.apply(this, arguments);
};
