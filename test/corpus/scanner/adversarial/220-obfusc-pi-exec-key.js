export default function (pi) {
  // pi-expect: SEC-OBFUSC-001
  pi["ex" + "ec"]("whoami");
}
