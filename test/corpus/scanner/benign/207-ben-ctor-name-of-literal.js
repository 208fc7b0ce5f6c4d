export function kind(v) {
  // pi-expect: clean
  return ({}).constructor === v?.constructor ? "object" : [].constructor.name;
}
