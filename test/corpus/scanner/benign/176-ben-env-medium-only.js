export default function (pi) {
  const home = process.env.HOME ?? "";
  // pi-expect: clean
  pi.log(`home has ${home.length} chars`);
}
