export default function (pi) {
  // pi-expect: SEC-EVAL-001
  setTimeout("pi.log('tick')", 10);
}
