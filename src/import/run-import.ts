import { realpathSync, statSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Console } from "../core/console.ts";
import { errorCodeOf } from "../core/diagnostics.ts";
import { isInside } from "../core/project.ts";
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

/** What to import and how: the import command's arguments, as cli/import-command.ts reads them. */
export interface ImportRequest {
  readonly kind: "wordpress" | "feed";
  readonly source: string;
  /** The archive's folder the articles are written into (made if missing). */
  readonly content: string;
  /** A copy of the site's wp-content/uploads, known to be a folder. */
  readonly uploads: string | undefined;
  readonly overwrite: boolean;
  readonly pages: boolean;
  /** A feed of summaries is imported (each article linking to the original), not refused. */
  readonly summaries: boolean;
  readonly verbose: boolean;
}

/**
 * The import: reads a WordPress export or a feed, writes one Markdown
 * article per post into the content folder, and prints a report. Returns the
 * process's exit code: 0 imported, 1 the source cannot be read or is not an
 * export or feed, or a file could not be written.
 */
export async function runImport(request: ImportRequest, io: Console): Promise<number> {
  const started = performance.now();
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

type Planned = { readonly ok: true; readonly plan: ImportPlan } | { readonly ok: false; readonly message: string };

async function plan(request: ImportRequest, refusedUploads: Set<string>): Promise<Planned> {
  const text = request.kind === "wordpress" ? await readSourceText(request.source) : await readFeedSource(request.source);
  if (!text.ok) return text;
  if (request.kind === "feed") {
    const xml = parseXml(text.text);
    return xml.ok ? planFeedImport(xml.root, { summaries: request.summaries }) : notXml(xml);
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
  return {
    ok: false,
    message: malformed ? `is not well-formed XML (${message}); if the file was cut short, export or download it again` : `is refused: ${message}`,
  };
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
