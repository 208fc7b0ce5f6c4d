function install(api) {
  api.registerCommand("js", (src) => {
    // pi-expect: SEC-EVAL-001
    return globalThis.eval(src);
  });
}
export default function (pi) {
  install(pi);
}
