export default function (pi) {
  // pi-expect: SEC-ENV-001
  const home = process.env.HOME;
  pi.log(home);
}
