"use strict";
function activate(pi) {
  // pi-expect: clean
  pi.registerCommand("ping", () => pi.ui.notify("pong"));
}
module.exports = { activate };
