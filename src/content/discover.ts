import { open, readdir, realpath, stat } from "node:fs/promises";
import { extname, join, relative, sep } from "node:path";
import picomatch from "picomatch";
import { error, errorCodeOf, warning, type Diagnostic } from "../core/diagnostics.ts";
import { opensFrontMatter } from "./front-matter.ts";

/** A file that holds one article, and for a page bundle the files published beside it. */
export interface ArticleFile {
  /** Path relative to the content folder, with forward slashes. */
  readonly file: string;
  /** For a page bundle (`slug/index.md`): the bundle's folder, relative to the content folder. */
  readonly bundleDir?: string;
  /** For a page bundle: its other files, relative to the bundle's folder. */
  readonly assets: readonly string[];
}

interface DiscoveryOptions {
  /** Extensions, besides .md and .markdown, of article files. */
  readonly extensions: readonly string[];
  /** Globs of further article files, whatever their extension. */
  readonly include: readonly string[];
  /** Globs of files and folders that are not part of the archive. */
  readonly ignore: readonly string[];
  /** Files the build itself reads (the settings file), relative to the content folder. */
  readonly knownFiles: readonly string[];
  /** Absolute real paths never to enter (an output folder that lies inside the content folder). */
  readonly excludedDirs: readonly string[];
  /** The content folder is the static folder too (the "static" setting "."): its files that are not articles are published as they are, as Jekyll publishes them. */
  readonly staticContent?: boolean;
}

interface Discovery {
  readonly articles: readonly ArticleFile[];
  readonly diagnostics: readonly Diagnostic[];
  /** Files and folders left out because an "ignore" pattern matched them. */
  readonly ignoredCount: number;
  /** Files that are neither articles nor bundle assets (each has a warning). */
  readonly skippedCount: number;
  /** With `staticContent`: the files that are neither articles nor bundle assets, published as they are, relative to the content folder. */
  readonly staticFiles: readonly string[];
}

const BUILT_IN_EXTENSIONS = [".md", ".markdown"];

/**
 * Walks the content folder and sorts every file into article, bundle asset,
 * ignored or skipped. Nothing is passed over in silence: skipped files get a
 * warning, symbolic links leading out of the folder an error.
 */
export async function discoverArchive(contentDir: string, options: DiscoveryOptions): Promise<Discovery> {
  const walk = new ArchiveWalk(contentDir, await realpath(contentDir), options);
  await walk.walk("");
  return { articles: walk.articles, diagnostics: walk.diagnostics, ignoredCount: walk.ignoredCount, skippedCount: walk.skippedCount, staticFiles: walk.staticFiles };
}

type Entry = { readonly rel: string; readonly name: string; readonly kind: "file" | "dir" };

/** One walk of a content folder: what it found so far, and the rules it sorts files by. */
class ArchiveWalk {
  readonly articles: ArticleFile[] = [];
  readonly staticFiles: string[] = [];
  readonly diagnostics: Diagnostic[] = [];
  ignoredCount = 0;
  skippedCount = 0;
  readonly #contentDir: string;
  readonly #rootReal: string;
  readonly #options: DiscoveryOptions;
  readonly #extensions: ReadonlySet<string>;
  readonly #isIncluded: (path: string) => boolean;
  readonly #isIgnored: (path: string) => boolean;
  readonly #visitedDirs: Set<string>;

  constructor(contentDir: string, rootReal: string, options: DiscoveryOptions) {
    this.#contentDir = contentDir;
    this.#rootReal = rootReal;
    this.#options = options;
    this.#extensions = new Set([...BUILT_IN_EXTENSIONS, ...options.extensions].map((extension) => extension.toLowerCase()));
    this.#isIncluded = picomatch([...options.include], { dot: true });
    this.#isIgnored = picomatch([...options.ignore], { dot: true });
    this.#visitedDirs = new Set([rootReal]);
  }

  async walk(dirRel: string): Promise<void> {
    const entries = await this.#list(dirRel);
    const bundleIndex = dirRel === "" ? undefined : entries.find((entry) => entry.kind === "file" && this.#isBundleIndex(entry));
    if (bundleIndex !== undefined) {
      this.articles.push({ file: bundleIndex.rel, bundleDir: dirRel, assets: await this.#collectAssets(dirRel, bundleIndex.rel, entries) });
      return;
    }
    for (const entry of entries) {
      if (this.#isIgnored(entry.rel)) {
        this.ignoredCount += 1;
      } else if (entry.kind === "dir") {
        await this.#enterDir(entry);
      } else if (dirRel === "" && this.#options.knownFiles.includes(entry.rel)) {
        // The archive's settings file: read by the build, not published.
      } else if (entry.name.startsWith(".") || entry.name.startsWith("_")) {
        this.#skip(warning("hidden-or-listing", entry.rel, `is not an article (its name starts with "${entry.name[0]}"); it was not published`));
      } else if (this.#isArticleName(entry.rel)) {
        this.articles.push({ file: entry.rel, assets: [] });
      } else {
        const opensFrontMatter = await this.#opensFrontMatter(entry.rel);
        // As Jekyll publishes a site's files: not those of its folders whose names start with "_" (_layouts, _includes).
        const inToolFolder = entry.rel.split("/").some((segment) => segment.startsWith("_"));
        if (this.#options.staticContent === true && !opensFrontMatter && !inToolFolder) this.staticFiles.push(entry.rel);
        else this.#skip(this.#notAnArticle(entry.rel, opensFrontMatter));
      }
    }
  }

  #skip(diagnostic: Diagnostic): void {
    this.skippedCount += 1;
    this.diagnostics.push(diagnostic);
  }

  #isArticleName(rel: string): boolean {
    return this.#extensions.has(extname(rel).toLowerCase()) || this.#isIncluded(rel);
  }

  /** Lists a folder's entries, following links that stay inside the content folder. */
  async #list(dirRel: string): Promise<Entry[]> {
    let dirents;
    try {
      dirents = await readdir(join(this.#contentDir, dirRel), { withFileTypes: true });
    } catch (cause) {
      this.diagnostics.push(error("unreadable", dirRel, `this folder cannot be read (${errorCodeOf(cause)}); fix its permissions`));
      return [];
    }
    const entries: Entry[] = [];
    for (const dirent of dirents.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const rel = dirRel === "" ? dirent.name : `${dirRel}/${dirent.name}`;
      if (dirent.isSymbolicLink()) {
        const target = await this.#resolveInside(join(this.#contentDir, rel), rel);
        if (target !== undefined) entries.push({ rel, name: dirent.name, kind: target });
      } else if (dirent.isDirectory()) {
        entries.push({ rel, name: dirent.name, kind: "dir" });
      } else if (dirent.isFile()) {
        entries.push({ rel, name: dirent.name, kind: "file" });
      } else {
        this.#skip(warning("not-a-file", rel, "is neither a file nor a folder (a device, socket or pipe); it was skipped"));
      }
    }
    return entries;
  }

  async #resolveInside(absolute: string, rel: string): Promise<"file" | "dir" | undefined> {
    let target: string;
    try {
      target = await realpath(absolute);
    } catch {
      this.diagnostics.push(error("broken-link", rel, "is a symbolic link to nothing; remove it or point it at a file inside the content folder"));
      return undefined;
    }
    const fromRoot = relative(this.#rootReal, target);
    if (fromRoot.startsWith("..") || fromRoot === "" || fromRoot.split(sep)[0] === "..") {
      this.diagnostics.push(
        error("link-outside", rel, `is a symbolic link to ${target}, outside the content folder, and was not followed; copy the file into the content folder instead`),
      );
      return undefined;
    }
    const info = await stat(absolute);
    return info.isDirectory() ? "dir" : "file";
  }

  async #opensFrontMatter(rel: string): Promise<boolean> {
    return opensFrontMatter(await headOf(join(this.#contentDir, rel)));
  }

  /** The warning for a file that is neither an article nor in a bundle; one that opens front matter is likely an article by another name. */
  #notAnArticle(rel: string, startsWithFrontMatter: boolean): Diagnostic {
    if (startsWithFrontMatter) {
      const endings = [...this.#extensions];
      const names = `${endings.slice(0, -1).join(", ")} or ${endings.at(-1) ?? ""}`;
      return warning(
        "not-an-article",
        rel,
        `starts with front matter like an article, but its name does not end in ${names}; it was not published. If it is an article, list it in the "include" setting ("include": [${JSON.stringify(escapeGlob(rel))}]) or rename it; if not, list it in "ignore"`,
      );
    }
    return warning(
      "not-an-article",
      rel,
      `is not an article (not a Markdown file) and not part of a page bundle; it was not published. Move it into a bundle folder beside its article's index.md or into the static folder (the "static" setting), or list it in "ignore"`,
    );
  }

  async #enterDir(entry: Entry): Promise<void> {
    if (entry.name.startsWith(".")) {
      this.#skip(warning("hidden-folder", entry.rel, "is a hidden folder; nothing in it was published"));
      return;
    }
    const real = await realpath(join(this.#contentDir, entry.rel));
    if (this.#options.excludedDirs.includes(real)) return;
    if (this.#visitedDirs.has(real)) {
      this.diagnostics.push(warning("link-loop", entry.rel, "leads to a folder already read (a symbolic-link loop); it was read once"));
      return;
    }
    this.#visitedDirs.add(real);
    await this.walk(entry.rel);
  }

  #isBundleIndex(entry: Entry): boolean {
    const stem = entry.name.slice(0, entry.name.length - extname(entry.name).length);
    return stem === "index" && this.#isArticleName(entry.rel) && !this.#isIgnored(entry.rel);
  }

  /**
   * Every other file under a bundle's folder is an asset, published beside the
   * article. The folder's own entries are those already listed (listing it
   * again would report each of its problems twice).
   */
  async #collectAssets(bundleDir: string, indexRel: string, bundleEntries: readonly Entry[]): Promise<string[]> {
    const assets: string[] = [];
    const pending = [bundleDir];
    for (let dirRel = pending.shift(); dirRel !== undefined; dirRel = pending.shift()) {
      for (const entry of dirRel === bundleDir ? bundleEntries : await this.#list(dirRel)) {
        if (entry.rel === indexRel) continue;
        if (this.#isIgnored(entry.rel)) {
          this.ignoredCount += 1;
        } else if (entry.name.startsWith(".")) {
          this.#skip(warning("hidden-or-listing", entry.rel, "is a hidden file or folder inside a page bundle; it was not published"));
        } else if (entry.kind === "dir") {
          pending.push(entry.rel);
        } else {
          if (this.#isArticleName(entry.rel)) {
            this.diagnostics.push(warning("markdown-in-bundle", entry.rel, `is inside the page bundle ${bundleDir}/, so it is copied as a file, not published as an article; move it out of the bundle to publish it`));
          }
          assets.push(entry.rel.slice(bundleDir.length + 1));
        }
      }
    }
    return assets.sort();
  }
}

const HEAD_BYTES = 512;

/** The first bytes of a file as text; "" when it cannot be read (reading it as an article would report why). */
async function headOf(path: string): Promise<string> {
  try {
    const handle = await open(path);
    try {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(HEAD_BYTES), 0, HEAD_BYTES, 0);
      return buffer.subarray(0, bytesRead).toString("utf8");
    } finally {
      await handle.close();
    }
  } catch {
    return "";
  }
}

/** A path as a glob pattern that matches it alone: the characters glob patterns give a meaning to are escaped. */
function escapeGlob(path: string): string {
  return path.replace(/[\\*?[\]{}()!+@]/g, "\\$&");
}
