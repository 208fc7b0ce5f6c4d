export function wrap(text, width = 80) {
  const out = [];
  let line = "";
  for (const w of text.split(" ")) {
    // pi-expect: clean
    if ((line + w).length > width) { out.push(line.trim()); line = ""; }
    line += w + " ";
  }
  return [...out, line.trim()].join("\n");
}
