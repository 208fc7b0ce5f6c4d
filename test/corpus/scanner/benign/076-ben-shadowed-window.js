export function setup(createWindow) {
  const window = createWindow();
  // pi-expect: clean
  window.title = "Pi";
  return window;
}
