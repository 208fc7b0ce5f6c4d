/** Locates a document in the workspace: file-system path, workspace folder, relative POSIX path. */
import { sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { toPosixRelative } from '../../shared/common/paths';

export interface DocumentLocation {
  fsPath: string;
  workspaceFolder: string | null;
  relativePath: string;
}

/** The file-system path of a `file:` URI, or null for other schemes and malformed URIs. */
export function uriToFsPath(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri.replace(/^file:\/\/\/([A-Za-z])%3A/, 'file:///$1:'));
  } catch {
    return null;
  }
}

export function fsPathToUri(fsPath: string): string {
  return pathToFileURL(fsPath).href;
}

export function locate(uri: string, folders: readonly string[]): DocumentLocation | null {
  const fsPath = uriToFsPath(uri);
  if (fsPath === null) return null;
  // The deepest folder wins for nested workspace folders.
  let best: string | null = null;
  for (const folder of folders) {
    const prefix = folder.endsWith(sep) ? folder : folder + sep;
    if (fsPath.startsWith(prefix) && (!best || folder.length > best.length)) best = folder;
  }
  const relativePath = best ? toPosixRelative(best, fsPath) : fsPath.split(sep).join('/');
  return { fsPath, workspaceFolder: best, relativePath };
}
