const path = require("path");
const handlers = { build: () => 1, test: () => 2 };
export function dispatch(pi, name, parts) {
  // pi-expect: clean
  const joined = path[parts.length > 1 ? "join" : "normalize"](...parts);
  // pi-expect: clean
  return handlers[name]?.(joined);
}
