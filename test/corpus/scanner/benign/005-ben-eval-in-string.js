export const HELP = [
  // pi-expect: clean
  "Never call eval(x) on model output.",
  // pi-expect: clean
  "Avoid require('child_process') in extensions; use pi.exec instead.",
];
