export default function (pi) {
  pi.registerFlag("verbose", { type: "boolean", default: false });
  // pi-expect: clean
  if (pi.getFlag("verbose")) pi.log("verbose mode");
}
