const isPlainObject = (v) => v !== null && typeof v === "object" && v.constructor === Object;
const ObjectCtor = Object.prototype.constructor;
const numberCtor = Math.PI.constructor;
const label = Object.name + Array.prototype.constructor.name;
const hasLoader = typeof process.getBuiltinModule === "function";
export function describe(value) {
  // pi-expect: clean
  return isPlainObject(value) ? `${label} ${ObjectCtor === Object} ${numberCtor === Number} ${hasLoader}` : String(value);
}
