const pixel = "data:image/png;base64,iVBORw0KGgo=";
const sample = "data:text/javascript,console.log(1)";
export function icon(pi) {
  // pi-expect: clean
  pi.ui.notify(`icon ${pixel.length} sample ${sample.length}`);
  // pi-expect: clean
  return import("data:application/json,%7B%7D");
}
