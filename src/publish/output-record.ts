// The record of what made an output folder (OutputReuse), kept in the build cache or inside a kept output.
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { deserialize, serialize } from "node:v8";

/**
 * What a build's output folder was made from, kept for the next build: each
 * file's path (from the folder, with forward slashes) and its source, a
 * string that changes whenever what the file holds would (a digest of a
 * page's view and of the templates and code that print it, of an index
 * part's records...), and when the record was taken.
 */
export interface OutputRecord {
  readonly recordedAtMs: number;
  readonly sources: ReadonlyMap<string, string>;
}

/** The record of nothing: nothing is reused. */
export const NO_RECORD: OutputRecord = { recordedAtMs: 0, sources: new Map() };

/** Replaces a record file atomically. */
export async function writeRecord(file: string, record: OutputRecord): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
  try {
    await writeFile(temporary, serialize(record));
    await rename(temporary, file);
  } catch (cause) {
    await rm(temporary, { force: true });
    throw cause;
  }
}

export async function readRecord(file: string): Promise<OutputRecord> {
  try {
    const record: unknown = deserialize(await readFile(file));
    if (typeof record !== "object" || record === null || !("recordedAtMs" in record) || !("sources" in record)) return NO_RECORD;
    const { recordedAtMs, sources } = record;
    if (typeof recordedAtMs !== "number" || !(sources instanceof Map)) return NO_RECORD;
    return { recordedAtMs, sources: sources as ReadonlyMap<string, string> };
  } catch {
    // None yet, or unreadable (written by another Node version): every file is written.
    return NO_RECORD;
  }
}
