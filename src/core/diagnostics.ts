/**
 * Problems found while loading an archive. Every problem names the file it is
 * about (relative to the content folder) and, where there is one, the line.
 */
type Severity = "error" | "warning";

export interface Diagnostic {
  readonly severity: Severity;
  /** Path relative to the content folder, with forward slashes; "" for the archive as a whole. */
  readonly file: string;
  readonly line?: number;
  readonly message: string;
  /** A short stable key that groups problems of one kind in the summary, e.g. "missing-category". */
  readonly kind: string;
}

export function error(kind: string, file: string, message: string, line?: number): Diagnostic {
  return line === undefined ? { severity: "error", kind, file, message } : { severity: "error", kind, file, line, message };
}

export function warning(kind: string, file: string, message: string, line?: number): Diagnostic {
  return line === undefined ? { severity: "warning", kind, file, message } : { severity: "warning", kind, file, line, message };
}

/** A draft's errors do not stop the build: they are reported as warnings. */
export function asWarning(diagnostic: Diagnostic): Diagnostic {
  return { ...diagnostic, severity: "warning" };
}

/** `file:line: severity: message`, with `file` shown under the folder the user named. */
export function formatDiagnostic(diagnostic: Diagnostic, shownRoot: string): string {
  const where = diagnostic.file === "" ? shownRoot : joinShown(shownRoot, diagnostic.file);
  const line = diagnostic.line === undefined ? "" : `:${diagnostic.line}`;
  return `${where}${line}: ${diagnostic.severity}: ${diagnostic.message}`;
}

function joinShown(root: string, file: string): string {
  if (root === "" || root === ".") return file;
  return root.endsWith("/") ? `${root}${file}` : `${root}/${file}`;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (a.line ?? 0) - (b.line ?? 0);
}

/** The code of a failed file operation ("ENOENT", "EACCES"), for messages; the error itself otherwise. */
export function errorCodeOf(cause: unknown): string {
  return cause instanceof Error && "code" in cause && typeof cause.code === "string" ? cause.code : String(cause);
}
