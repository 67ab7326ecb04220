import { createHash, randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";

/** Files are spread over this many shards so that one edited article rewrites one small file, not the whole cache. */
const SHARD_PREFIX_LENGTH = 2;
const SHARD_FILE = /^([0-9a-f]{16})-([0-9a-f]{2})\.bin$/;

/**
 * Remembers values computed from content (an article file read and rendered)
 * across builds, keyed by a hash of everything the value depends on. What
 * produces the values is part of the key too (`identity`: the code and the
 * libraries), so a changed renderer never serves an old result.
 *
 * Values are stored with the V8 serializer, which keeps what JSON would lose
 * (`undefined`, `NaN`, Maps). A shard that cannot be read is treated as empty:
 * the cache only ever saves work, it never decides an outcome.
 *
 * After a build, `save` keeps exactly the entries that build used, so the
 * cache holds one archive's current articles and does not grow with edits.
 */
export class BuildCache<V> {
  readonly #dir: string | undefined;
  readonly #identity: string;
  readonly #shards = new Map<string, Map<string, V>>();
  readonly #used = new Set<string>();
  readonly #changedShards = new Set<string>();
  #hits = 0;
  #misses = 0;

  private constructor(dir: string | undefined, identity: string) {
    this.#dir = dir;
    this.#identity = createHash("sha256").update(identity).digest("hex").slice(0, 16);
  }

  /** Opens the cache kept in `dir` (created when missing); with no folder it remembers nothing across builds. */
  static async open<V>(dir: string | undefined, identity: string): Promise<BuildCache<V>> {
    const cache = new BuildCache<V>(dir, identity);
    if (dir !== undefined) await cache.#read(dir);
    return cache;
  }

  /** A key for the given inputs; two calls with the same inputs (and the same identity) give the same key. */
  keyOf(...inputs: readonly (string | Uint8Array)[]): string {
    const hash = createHash("sha256").update(this.#identity);
    for (const input of inputs) hash.update(String(input.length)).update(":").update(input);
    return hash.digest("hex");
  }

  get(key: string): V | undefined {
    const value = this.#shards.get(shardOf(key))?.get(key);
    if (value === undefined) {
      this.#misses += 1;
      return undefined;
    }
    this.#hits += 1;
    this.#used.add(key);
    return value;
  }

  /** Keeps an entry found earlier (by a caller that remembers it without asking again) through the next save. */
  keep(key: string): void {
    this.#used.add(key);
  }

  set(key: string, value: V): void {
    const shard = shardOf(key);
    const entries = this.#shards.get(shard) ?? new Map<string, V>();
    entries.set(key, value);
    this.#shards.set(shard, entries);
    this.#used.add(key);
    this.#changedShards.add(shard);
  }

  /** Lookups since the last save that found a value, and those that did not. */
  get stats(): { readonly hits: number; readonly misses: number } {
    return { hits: this.#hits, misses: this.#misses };
  }

  /**
   * Writes the shards that changed, keeping only the entries used since the
   * last save, then starts counting afresh. Each shard is replaced atomically,
   * so a build interrupted, or two builds at once, never leave a torn file.
   * A folder that cannot be written does not fail the build: the error is
   * returned, for a warning, and the next build simply does the work again.
   */
  async save(): Promise<{ readonly failed?: unknown }> {
    const dir = this.#dir;
    for (const [shard, entries] of this.#shards) {
      for (const key of entries.keys()) {
        if (this.#used.has(key)) continue;
        entries.delete(key);
        this.#changedShards.add(shard);
      }
    }
    let failed: unknown;
    if (dir !== undefined && this.#changedShards.size > 0) {
      try {
        await this.#write(dir);
      } catch (cause) {
        failed = cause;
      }
    }
    this.#changedShards.clear();
    this.#used.clear();
    this.#hits = 0;
    this.#misses = 0;
    return failed === undefined ? {} : { failed };
  }

  async #write(dir: string): Promise<void> {
    await mkdir(dir, { recursive: true });
    for (const shard of this.#changedShards) {
      const file = join(dir, `${this.#identity}-${shard}.bin`);
      const entries = this.#shards.get(shard);
      if (entries === undefined || entries.size === 0) {
        await rm(file, { force: true });
        continue;
      }
      const temporary = `${file}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
      await writeFile(temporary, serialize(entries));
      await rename(temporary, file);
    }
  }

  async #read(dir: string): Promise<void> {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      return;
    }
    await Promise.all(
      names.map(async (name) => {
        const match = SHARD_FILE.exec(name);
        if (match === null) return;
        const [, identity = "", shard = ""] = match;
        // Shards written by another version of the code can never match a key again.
        if (identity !== this.#identity) return rm(join(dir, name), { force: true });
        try {
          const entries: unknown = deserialize(await readFile(join(dir, name)));
          if (entries instanceof Map) this.#shards.set(shard, entries as Map<string, V>);
        } catch {
          // Unreadable (torn by a crash, or written by another Node version): rebuilt on save.
          this.#changedShards.add(shard);
        }
      }),
    );
  }
}

function shardOf(key: string): string {
  return key.slice(0, SHARD_PREFIX_LENGTH);
}
