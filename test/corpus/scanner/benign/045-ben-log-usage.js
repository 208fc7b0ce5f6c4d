export default function (pi) {
  // pi-expect: clean
  pi.log("extension loaded: spawn count = 0, eval disabled");
}
