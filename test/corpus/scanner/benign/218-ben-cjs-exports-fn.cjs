function helper(a) { return a * 2; }
// pi-expect: clean
exports.helper = helper;
