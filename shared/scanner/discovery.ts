/**
 * Extension units, ids and file selection (scanner.md §1.1, §1.2). File-system access goes through
 * `ScanFs` so tests can simulate unreadable files and directories.
 */
import * as nodeFs from 'node:fs';
import { basename, extname, join, resolve, sep } from 'node:path';
import { globToRegExp, matchesAnyGlob } from '../common/glob';
import { compareBytewise, toPosixRelative } from '../common/paths';
import { isJsLikePath } from './parse';

export interface FsEntryInfo {
  isDirectory(): boolean;
  isFile(): boolean;
  isSymbolicLink(): boolean;
  size: number;
}

export interface ScanFs {
  lstat(path: string): FsEntryInfo;
  readdir(path: string): string[];
  readFile(path: string): Buffer;
}

export const nodeScanFs: ScanFs = {
  lstat: (p) => nodeFs.lstatSync(p),
  readdir: (p) => nodeFs.readdirSync(p),
  readFile: (p) => nodeFs.readFileSync(p),
};

export const DEFAULT_UNIT_ROOTS = ['.pi/extensions/*', 'extensions/*'];
export const DEFAULT_EXCLUDE = ['**/node_modules/**', '**/dist/**', '**/target/**', '**/.git/**'];

export interface ExtensionUnit {
  /** Absolute path of the unit directory or single file. */
  root: string;
  /** POSIX path relative to the base folder (workspace folder or CLI cwd). */
  relRoot: string;
  kind: 'dir' | 'file';
  extensionId: string | null;
}

export interface DiscoveryOptions {
  /** Workspace folder (editor) or current directory (CLI), absolute. */
  base: string;
  roots?: readonly string[];
  /** `piSecurity.extensions.ids`: unit path (base-relative) → id. */
  ids?: Readonly<Record<string, string>>;
  exclude?: readonly string[];
  /** `--extension-id`: one id for everything. */
  forcedId?: string;
  fs?: ScanFs;
}

export function isExcluded(relPath: string, isDir: boolean, exclude: readonly string[]): boolean {
  if (exclude.length === 0) return false;
  return matchesAnyGlob(isDir ? `${relPath}/` : relPath, exclude) || (isDir && matchesAnyGlob(relPath, exclude));
}

/** Units matched by the root globs, in byte-wise order of their relative paths. */
export function discoverUnits(options: DiscoveryOptions): ExtensionUnit[] {
  const fs = options.fs ?? nodeScanFs;
  const exclude = options.exclude ?? DEFAULT_EXCLUDE;
  const found = new Map<string, ExtensionUnit>();
  for (const glob of options.roots ?? DEFAULT_UNIT_ROOTS) {
    for (const abs of expandGlob(options.base, glob, fs, exclude)) {
      const info = safeLstat(fs, abs);
      if (!info || info.isSymbolicLink()) continue;
      const rel = toPosixRelative(options.base, abs);
      if (info.isDirectory()) {
        if (!isExcluded(rel, true, exclude)) found.set(abs, makeUnit(abs, rel, 'dir', options));
      } else if (info.isFile() && isJsLikePath(abs) && !isExcluded(rel, false, exclude)) {
        found.set(abs, makeUnit(abs, rel, 'file', options));
      }
    }
  }
  return [...found.values()].sort((a, b) => compareBytewise(a.relRoot, b.relRoot));
}

export interface Selection {
  units: ExtensionUnit[];
  /** Path arguments that do not exist (CLI exit 3). */
  missing: string[];
  /** Path arguments that are neither a directory nor a JS-like file. */
  ignored: string[];
}

/** CLI path arguments → units (scanner.md §1.1 "Roots"): inside it; else containing it; else itself. */
export function selectUnits(paths: readonly string[], discovered: readonly ExtensionUnit[], options: DiscoveryOptions): Selection {
  const fs = options.fs ?? nodeScanFs;
  const selected = new Map<string, ExtensionUnit>();
  const missing: string[] = [];
  const ignored: string[] = [];
  for (const p of paths) {
    const abs = resolve(options.base, p);
    const info = safeLstat(fs, abs);
    if (!info) {
      missing.push(p);
      continue;
    }
    const inside = discovered.filter((u) => isWithin(u.root, abs));
    if (inside.length > 0) {
      for (const u of inside) selected.set(u.root, u);
      continue;
    }
    const containing = discovered.find((u) => u.kind === 'dir' && isWithin(abs, u.root));
    if (containing) {
      selected.set(containing.root, containing);
      continue;
    }
    const rel = toPosixRelative(options.base, abs) || '.';
    if (info.isDirectory()) selected.set(abs, makeUnit(abs, rel, 'dir', options));
    else if (info.isFile() && isJsLikePath(abs)) selected.set(abs, makeUnit(abs, rel, 'file', options));
    else ignored.push(p);
  }
  return { units: [...selected.values()].sort((a, b) => compareBytewise(a.relRoot, b.relRoot)), missing, ignored };
}

function isWithin(child: string, parent: string): boolean {
  return child === parent || child.startsWith(parent.endsWith(sep) ? parent : parent + sep);
}

function makeUnit(abs: string, rel: string, kind: 'dir' | 'file', options: DiscoveryOptions): ExtensionUnit {
  return { root: abs, relRoot: rel, kind, extensionId: unitId(abs, rel, kind, options) };
}

/** Id order: forced id; `extensions.ids[path]`; `package.json` name; directory name or file name without extension. */
export function unitId(abs: string, rel: string, kind: 'dir' | 'file', options: DiscoveryOptions): string {
  if (options.forcedId) return options.forcedId;
  const mapped = options.ids?.[rel] ?? options.ids?.[rel.replace(/\/$/, '')];
  if (mapped && mapped.trim()) return mapped.trim();
  if (kind === 'dir') {
    const name = packageName(join(abs, 'package.json'), options.fs ?? nodeScanFs);
    if (name) return name;
    return basename(abs);
  }
  const file = basename(abs);
  return file.slice(0, file.length - extname(file).length);
}

function packageName(path: string, fs: ScanFs): string | undefined {
  try {
    const parsed: unknown = JSON.parse(fs.readFile(path).toString('utf8'));
    if (parsed && typeof parsed === 'object' && typeof (parsed as { name?: unknown }).name === 'string') {
      const name = (parsed as { name: string }).name.trim();
      return name.length > 0 ? name : undefined;
    }
  } catch {
    // No or invalid package.json: fall back to the directory name.
  }
  return undefined;
}

function safeLstat(fs: ScanFs, path: string): FsEntryInfo | undefined {
  try {
    return fs.lstat(path);
  } catch {
    return undefined;
  }
}

/** Expands a base-relative glob segment by segment (`*`, `?`, `{a,b}`, `**`). */
function expandGlob(base: string, glob: string, fs: ScanFs, exclude: readonly string[]): string[] {
  let current = [base];
  const segments = glob.split('/').filter((s) => s.length > 0 && s !== '.');
  for (const segment of segments) {
    const next: string[] = [];
    if (segment === '**') {
      for (const dir of current) next.push(...allDirectories(base, dir, fs, exclude));
    } else if (!/[*?{]/.test(segment)) {
      for (const dir of current) {
        const p = join(dir, segment);
        if (safeLstat(fs, p)) next.push(p);
      }
    } else {
      const re = globToRegExp(segment);
      for (const dir of current) {
        for (const name of safeReaddir(fs, dir)) if (re.test(name)) next.push(join(dir, name));
      }
    }
    current = next;
  }
  return current;
}

function allDirectories(base: string, start: string, fs: ScanFs, exclude: readonly string[]): string[] {
  const out: string[] = [];
  const stack = [start];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    out.push(dir);
    for (const name of safeReaddir(fs, dir)) {
      const p = join(dir, name);
      const info = safeLstat(fs, p);
      if (info?.isDirectory() && !info.isSymbolicLink() && !isExcluded(toPosixRelative(base, p), true, exclude)) stack.push(p);
    }
  }
  return out;
}

function safeReaddir(fs: ScanFs, dir: string): string[] {
  try {
    return fs.readdir(dir);
  } catch {
    return [];
  }
}

export interface UnitFile {
  abs: string;
  /** Base-relative POSIX path (the path in reports). */
  rel: string;
}

export interface UnitListing {
  files: UnitFile[];
  /** Base-relative paths of symbolic links that were not followed. */
  skippedSymlinks: string[];
  /** Directories (or the single file) that could not be read: base-relative path and OS message. */
  failures: { rel: string; cause: string }[];
}

/** The JS-like files of a unit in byte-wise order of their paths relative to the unit root. */
export function listUnitFiles(unit: ExtensionUnit, options: Pick<DiscoveryOptions, 'base' | 'exclude' | 'fs'>): UnitListing {
  const fs = options.fs ?? nodeScanFs;
  const exclude = options.exclude ?? DEFAULT_EXCLUDE;
  const files: { abs: string; rel: string; unitRel: string }[] = [];
  const skippedSymlinks: string[] = [];
  const failures: { rel: string; cause: string }[] = [];
  if (unit.kind === 'file') {
    return { files: [{ abs: unit.root, rel: unit.relRoot }], skippedSymlinks, failures };
  }
  const stack = [unit.root];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    let names: string[];
    try {
      names = fs.readdir(dir);
    } catch (error) {
      failures.push({ rel: toPosixRelative(options.base, dir) || '.', cause: osMessage(error) });
      continue;
    }
    for (const name of names) {
      const abs = join(dir, name);
      const rel = toPosixRelative(options.base, abs);
      let info: FsEntryInfo;
      try {
        info = fs.lstat(abs);
      } catch (error) {
        failures.push({ rel, cause: osMessage(error) });
        continue;
      }
      if (info.isSymbolicLink()) {
        if (!isExcluded(rel, false, exclude)) skippedSymlinks.push(rel);
      } else if (info.isDirectory()) {
        if (!isExcluded(rel, true, exclude)) stack.push(abs);
      } else if (info.isFile() && isJsLikePath(name) && !isExcluded(rel, false, exclude)) {
        files.push({ abs, rel, unitRel: toPosixRelative(unit.root, abs) });
      }
    }
  }
  files.sort((a, b) => compareBytewise(a.unitRel, b.unitRel));
  skippedSymlinks.sort(compareBytewise);
  return { files: files.map(({ abs, rel }) => ({ abs, rel })), skippedSymlinks, failures };
}

export type SourceRead = { ok: true; text: string } | { ok: false; cause: string };

/** Reads one source file with the checks of scanner.md §1.2 (size, binary, UTF-8, readability). */
export function readSourceFile(abs: string, rel: string, maxFileBytes: number, fs: ScanFs = nodeScanFs): SourceRead {
  let size: number;
  try {
    size = fs.lstat(abs).size;
  } catch (error) {
    return { ok: false, cause: `${rel}: ${osMessage(error)}` };
  }
  if (size > maxFileBytes) return { ok: false, cause: `file exceeds the size limit (${size} > ${maxFileBytes} bytes)` };
  let bytes: Buffer;
  try {
    bytes = fs.readFile(abs);
  } catch (error) {
    return { ok: false, cause: `${rel}: ${osMessage(error)}` };
  }
  if (bytes.length > maxFileBytes) return { ok: false, cause: `file exceeds the size limit (${bytes.length} > ${maxFileBytes} bytes)` };
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return { ok: false, cause: 'binary file' };
  try {
    return { ok: true, text: UTF8.decode(bytes) };
  } catch {
    return { ok: false, cause: 'not valid UTF-8' };
  }
}

/** `ignoreBOM: true` keeps a leading BOM in the text; the parser turns it into a space (offsets kept). */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The OS part of a Node error message: `EACCES: permission denied, open '/x'` → `permission denied`. */
export function osMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const m = /^[A-Z0-9_]+: ([^,]+)(?:,|$)/.exec(message);
  return m ? m[1].trim() : message;
}


/** SLO corpora (scanner.md §9.3): each subdirectory or JS-like file of `dir` is one unit. */
export function corpusUnits(dir: string, options: DiscoveryOptions): ExtensionUnit[] {
  const fs = options.fs ?? nodeScanFs;
  const exclude = options.exclude ?? DEFAULT_EXCLUDE;
  const units: ExtensionUnit[] = [];
  for (const name of fs.readdir(dir)) {
    const abs = join(dir, name);
    const info = safeLstat(fs, abs);
    if (!info || info.isSymbolicLink()) continue;
    const rel = toPosixRelative(options.base, abs);
    if (info.isDirectory() && !isExcluded(rel, true, exclude)) units.push(makeUnit(abs, rel, 'dir', options));
    else if (info.isFile() && isJsLikePath(name)) units.push(makeUnit(abs, rel, 'file', options));
  }
  return units.sort((a, b) => compareBytewise(a.relRoot, b.relRoot));
}
