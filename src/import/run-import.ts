import { realpathSync, statSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { didYouMean } from "../core/closest-name.ts";
import { parseCommandOptions } from "../core/command-line.ts";
import { errorCodeOf } from "../core/diagnostics.ts";
import { isDirectory } from "../core/files.ts";
import { isInside } from "../core/project.ts";
import type { Console } from "../pipeline/build.ts";
import { planFeedImport, readFeedSource } from "./feed.ts";
import { formatImportReport } from "./import-report.ts";
import type { MediaSource } from "./media.ts";
import { updateSettings } from "./settings-file.ts";
import { readSourceText } from "./source-file.ts";
import type { ImportPlan } from "./import-plan.ts";
import { planWordPressImport } from "./wordpress-plan.ts";
import { writeArticles } from "./write-articles.ts";
import { readWxr, type WxrOutcome } from "./wxr.ts";
import { parseXml } from "./xml.ts";

export const IMPORT_USAGE = `Usage: news-archive import wordpress EXPORT.xml --content DIR [--uploads DIR] [--overwrite] [--pages]
       news-archive import feed FILE_OR_URL --content DIR [--overwrite]
       (in this repository: npm run import -- ...)

  wordpress EXPORT.xml  a WordPress export (Tools → Export, WXR 1.1 or 1.2)
  feed FILE_OR_URL      an RSS 2.0 or Atom feed, a file or an http(s) address
  --content DIR         the archive's folder the articles are written into (made if missing)
  --uploads DIR         a copy of the site's wp-content/uploads: the files the posts use
                        are copied beside their articles and the links point at the copies
  --overwrite           replace articles imported before (by default an existing file is
                        never replaced, so articles edited since are safe)
  --pages               import the site's pages as articles too
  --verbose             list every warning and every media file, not the first 10
  --help                this text

Exit codes: 0 imported, 1 the source cannot be read or is not an export or feed,
or a file could not be written, 2 a wrong command line.`;

/** Where the importer writes its report. */
export type ImportConsole = Console;

/**
 * The import command: reads a WordPress export or a feed, writes one
 * Markdown article per post into the content folder, and prints a report.
 * Returns the process's exit code; `argv` is what follows `import`.
 */
export async function runImport(argv: readonly string[], io: ImportConsole): Promise<number> {
  const started = performance.now();
  const request = parseRequest(argv);
  if ("exit" in request) {
    if (request.exit === 0) io.out(IMPORT_USAGE);
    else io.err(`${request.message}\n\n${IMPORT_USAGE}`);
    return request.exit;
  }
  if (request.uploads !== undefined && !(await isDirectory(request.uploads))) {
    io.err(`--uploads ${request.uploads}: no such folder; give a copy of the site's wp-content/uploads`);
    return 2;
  }
  const refusedUploads = new Set<string>();
  const planned = await plan(request, refusedUploads);
  if (!planned.ok) {
    io.err(`error: ${request.source}: ${planned.message}`);
    return 1;
  }
  try {
    await mkdir(request.content, { recursive: true });
  } catch (cause) {
    io.err(`error: --content ${request.content}: the folder cannot be made (${errorCodeOf(cause)})`);
    return 1;
  }
  const options = { contentDir: request.content, overwrite: request.overwrite, uploadsDir: request.uploads };
  const outcome = await writeArticles(planned.plan.articles, options);
  const settings = await updateSettings(request.content, planned.plan.zone.zone, planned.plan.siteSettings, request.overwrite);
  const context = {
    source: request.source,
    contentDir: request.content,
    uploadsGiven: request.uploads !== undefined,
    refusedUploads: [...refusedUploads],
    verbose: request.verbose,
    elapsedMs: performance.now() - started,
  };
  for (const line of formatImportReport(planned.plan, outcome, settings, context)) io.out(line);
  return outcome.failures.length > 0 || settings.failure !== undefined ? 1 : 0;
}

interface ImportRequest {
  readonly kind: "wordpress" | "feed";
  readonly source: string;
  readonly content: string;
  readonly uploads: string | undefined;
  readonly overwrite: boolean;
  readonly pages: boolean;
  readonly verbose: boolean;
}

function parseRequest(argv: readonly string[]): ImportRequest | { readonly exit: number; readonly message: string } {
  const parsed = parseCommandOptions(argv, {
    content: { type: "string" },
    uploads: { type: "string" },
    overwrite: { type: "boolean" },
    pages: { type: "boolean" },
    verbose: { type: "boolean" },
    help: { type: "boolean" },
  });
  if (!parsed.ok) return { exit: 2, message: parsed.problem };
  const { values, positionals } = parsed;
  if (values.help === true) return { exit: 0, message: "" };
  const [kind, source, ...extra] = positionals;
  if (kind !== "wordpress" && kind !== "feed") return { exit: 2, message: kind === undefined ? "say what to import: wordpress or feed" : `"${kind}": expected wordpress or feed${didYouMean(kind, ["wordpress", "feed"])}` };
  if (source === undefined) return { exit: 2, message: `import ${kind}: name the ${kind === "wordpress" ? "export file" : "feed's file or address"}` };
  if (extra.length > 0) return { exit: 2, message: `one source at a time; unexpected ${extra.map((word) => `"${word}"`).join(", ")}` };
  if (values.content === undefined) return { exit: 2, message: "--content DIR: say which folder the articles are written into" };
  if (kind === "feed" && (values.uploads !== undefined || values.pages === true)) return { exit: 2, message: "--uploads and --pages are for WordPress exports" };
  return {
    kind,
    source,
    content: values.content,
    uploads: values.uploads,
    overwrite: values.overwrite ?? false,
    pages: values.pages ?? false,
    verbose: values.verbose ?? false,
  };
}

type Planned = { readonly ok: true; readonly plan: ImportPlan } | { readonly ok: false; readonly message: string };

async function plan(request: ImportRequest, refusedUploads: Set<string>): Promise<Planned> {
  const text = request.kind === "wordpress" ? await readSourceText(request.source) : await readFeedSource(request.source);
  if (!text.ok) return text;
  if (request.kind === "feed") {
    const xml = parseXml(text.text);
    return xml.ok ? planFeedImport(xml.root) : notXml(xml);
  }
  // Read apart from the planning, so that the XML tree is freed while the posts are converted.
  const wxr = readExport(text.text);
  if (!wxr.ok) return wxr;
  const uploads = request.uploads;
  const media: MediaSource = { siteUrl: wxr.export.site.blogUrl, exists: uploads === undefined ? undefined : uploadsFileFinder(uploads, refusedUploads) };
  return { ok: true, plan: planWordPressImport(wxr.export, { pages: request.pages, media }) };
}

function readExport(text: string): WxrOutcome {
  const xml = parseXml(text);
  return xml.ok ? readWxr(xml.root, xml.lineOf) : notXml(xml);
}

function notXml({ malformed, message }: { readonly malformed: boolean; readonly message: string }): { readonly ok: false; readonly message: string } {
  return { ok: false, message: malformed ? `is not well-formed XML (${message}); if the file was cut short, export or download it again` : `is refused: ${message}` };
}

/**
 * Whether the uploads copy holds a file, to be copied into the archive and
 * published. A symbolic link is followed only while it stays inside the
 * uploads folder: one leading elsewhere (to /etc/passwd) is not copied, and is
 * named in `refused`, a warning each.
 */
function uploadsFileFinder(uploadsDir: string, refused: Set<string>): (uploadsPath: string) => boolean {
  const root = realpathSync(uploadsDir);
  return (uploadsPath) => {
    const file = join(uploadsDir, uploadsPath);
    let real: string;
    try {
      real = realpathSync(file);
    } catch {
      return false;
    }
    if (!isInside(real, root)) {
      refused.add(`${file}: warning: is a symbolic link to ${real}, outside the uploads folder; it was not copied, and the articles link its old address`);
      return false;
    }
    return statSync(real).isFile();
  };
}
