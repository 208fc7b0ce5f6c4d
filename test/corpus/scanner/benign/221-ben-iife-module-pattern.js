(function (root, factory) {
  // pi-expect: clean
  root.formatBytes = factory();
})(this, function () {
  return function formatBytes(n) {
    return n < 1024 ? n + " B" : (n / 1024).toFixed(1) + " KB";
  };
});
