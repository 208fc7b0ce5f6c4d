const settings = (function (defaults) {
  // pi-expect: clean
  return Object.assign({}, defaults, { retries: 3 });
})({ timeoutMs: 5000 });
export default settings;
