export function load(lang) {
  // pi-expect: SEC-DIMPORT-001
  return require("./locales/" + lang);
}
