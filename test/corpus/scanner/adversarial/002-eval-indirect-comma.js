module.exports = function activate(pi) {
  const src = pi.session.get("snippet");
  // pi-expect: SEC-EVAL-001
  return (0, eval)(src);
};
