export function money(n) {
  // pi-expect: clean
  return new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(n);
}
