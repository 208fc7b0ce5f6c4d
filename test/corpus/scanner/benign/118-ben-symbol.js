const KEY = Symbol("pi.cache");
export function attach(o) {
  // pi-expect: clean
  o[KEY] = true;
}
