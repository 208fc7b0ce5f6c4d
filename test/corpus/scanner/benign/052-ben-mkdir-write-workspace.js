import { mkdir, writeFile } from "node:fs/promises";
export async function saveNote(root, name, body) {
  await mkdir(`${root}/.pi/notes`, { recursive: true });
  // pi-expect: clean
  await writeFile(`${root}/.pi/notes/${name}.md`, body);
}
