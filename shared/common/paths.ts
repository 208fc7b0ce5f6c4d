import { relative, sep } from 'node:path';

/** POSIX-style relative path used in every report. */
export function toPosixRelative(from: string, to: string): string {
  const rel = relative(from, to);
  return sep === '/' ? rel : rel.split(sep).join('/');
}

/** Byte-wise comparison of POSIX paths (scanner.md §1.2 "Order"). */
export function compareBytewise(a: string, b: string): number {
  const ba = Buffer.from(a, 'utf8');
  const bb = Buffer.from(b, 'utf8');
  return Buffer.compare(ba, bb);
}
