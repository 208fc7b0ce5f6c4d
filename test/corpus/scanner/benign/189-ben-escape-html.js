const MAP = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };
export function esc(s) {
  // pi-expect: clean
  return s.replace(/[&<>]/g, (ch) => MAP[ch]);
}
