const WebAssemblyLike = { compile: (b) => b.length };
export function size(b) {
  // pi-expect: clean
  return WebAssemblyLike.compile(b);
}
