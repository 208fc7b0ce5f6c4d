export function globToRegExp(glob) {
  const src = glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*");
  // pi-expect: clean
  return new RegExp(`^${src}$`);
}
