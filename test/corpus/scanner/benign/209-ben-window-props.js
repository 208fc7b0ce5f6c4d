export function size() {
  // pi-expect: clean
  return { w: window.innerWidth, h: window.innerHeight, dpr: globalThis.devicePixelRatio };
}
