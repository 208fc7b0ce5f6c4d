export function snippet(name) {
  // pi-expect: clean
  return `const ${name} = require("vm"); // example only`;
}
