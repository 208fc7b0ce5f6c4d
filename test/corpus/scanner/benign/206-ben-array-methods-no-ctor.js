export function uniq(xs) {
  // pi-expect: clean
  return [].concat(xs).filter((x, i, a) => a.indexOf(x) === i);
}
