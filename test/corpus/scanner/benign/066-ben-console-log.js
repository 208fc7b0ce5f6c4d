export function trace(m) {
  // pi-expect: clean
  console.log("[trace]", m);
  // pi-expect: clean
  console.info("done");
}
