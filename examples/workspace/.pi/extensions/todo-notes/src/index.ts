// todo-notes: keeps TODOs in the session. Benign TypeScript that uses enums, namespaces,
// parameter properties and decorators; type-only imports of node builtins are not imports.
import type { Context } from "node:vm";
import { readFile } from "fs/promises";

export enum Priority {
  Low = 1,
  High = Low + 1,
}

export namespace Format {
  export const bullet = (s: string): string => `• ${s}`;
}

function logged(_target: object, _key: string, desc: PropertyDescriptor): PropertyDescriptor {
  return desc;
}

class NoteStore {
  constructor(private readonly notes: string[] = []) {}

  @logged
  add(text: string, priority: Priority = Priority.Low): void {
    this.notes.push(priority === Priority.High ? `!${text}` : text);
  }

  list(): readonly string[] {
    return this.notes.map(Format.bullet);
  }
}

export default function (pi: { registerCommand(name: string, fn: () => unknown): void; ui: { notify(s: string): void } }) {
  const store = new NoteStore();
  let ctx: Context | undefined;
  pi.registerCommand("todo-add", () => store.add("write tests", Priority.High));
  pi.registerCommand("todo-list", () => pi.ui.notify(store.list().join("\n")));
  pi.registerCommand("todo-import", async () => {
    const text = await readFile("TODO.md", "utf8");
    text.split("\n").forEach((line) => store.add(line));
    return ctx;
  });
}
