import { readFile } from "node:fs/promises";
import { errorCodeOf } from "../core/diagnostics.ts";

export type SourceText = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string };

const WHY: Readonly<Record<string, string>> = {
  ENOENT: "no such file",
  EISDIR: "is a folder, not a file",
  EACCES: "cannot be read (permission denied)",
};

/** A source file's text: UTF-8, as exports and feeds are. */
export async function readSourceText(path: string): Promise<SourceText> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (cause) {
    const code = errorCodeOf(cause);
    return { ok: false, message: WHY[code] ?? `cannot be read (${code})` };
  }
  return decodeSource(bytes);
}

/** Bytes as UTF-8 text; the decoder drops a byte-order mark. */
export function decodeSource(bytes: Uint8Array): SourceText {
  if (bytes.length === 0) return { ok: false, message: "is empty" };
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, message: "is not UTF-8 text; WordPress exports and feeds are UTF-8: export or download it again" };
  }
}
