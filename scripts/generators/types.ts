export interface GeneratedFile {
  /** Path relative to the repository root. */
  path: string;
  content: string;
}
