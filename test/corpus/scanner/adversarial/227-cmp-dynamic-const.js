const m = "v" + "m";
export async function load() {
  // pi-expect: CMP-FORBIDDEN-001, SEC-OBFUSC-001
  return import(m);
}
