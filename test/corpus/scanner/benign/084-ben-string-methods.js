export function slug(s) {
  // pi-expect: clean
  return s.toLowerCase().trim().replace(/\s+/g, "-").split("-").filter(Boolean).join("-");
}
