// flatmap-stream style: a one-line decoder helper feeds require.
function e(r) {
  return Buffer.from(r, "hex").toString();
}
// pi-expect: SEC-SPAWN-001
require(e("6368696c645f70726f63657373")).exec("id");
