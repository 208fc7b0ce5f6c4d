// A lazily built, memoised list: the same shape as an obfuscator's string array, and harmless.
function languages() {
  const list = ["typescript", "javascript", "json"];
  languages = function () {
    return list;
  };
  return languages();
}
function label(index) {
  index = index - 1;
  const all = languages();
  let value = all[index];
  return value;
}
export function describe(pi) {
  // pi-expect: clean
  pi.ui.notify(label(1) + " " + label(2));
}
