import { didYouMean } from "../core/closest-name.ts";
import { parseCommandOptions } from "../core/command-line.ts";
import { isDirectory } from "../core/files.ts";
import type { ImportRequest } from "../import/run-import.ts";
import { EXIT_USAGE } from "./arguments.ts";

const IMPORT_USAGE = `Usage: news-archive import wordpress EXPORT.xml --content DIR [--uploads DIR] [--overwrite] [--pages]
       news-archive import feed FILE_OR_URL --content DIR [--overwrite] [--summaries]
       (in this repository: npm run import -- ...)

  wordpress EXPORT.xml  a WordPress export (Tools → Export, WXR 1.1 or 1.2)
  feed FILE_OR_URL      an RSS 2.0 or Atom feed, a file or an http(s) address
  --content DIR         the archive's folder the articles are written into (made if missing)
  --uploads DIR         a copy of the site's wp-content/uploads: the files the posts use
                        are copied beside their articles and the links point at the copies
  --overwrite           replace articles imported before (by default an existing file is
                        never replaced, so articles edited since are safe)
  --pages               import the site's pages as articles too
  --summaries           import a feed that holds only summaries, each article ending
                        with a link to the original (refused without it)
  --verbose             list every warning and every media file, not the first 10
  --help                this text

Exit codes: 0 imported, 1 the source cannot be read or is not an export or feed,
or a file could not be written, 2 a wrong command line.`;

const IMPORT_OPTIONS = {
  content: { type: "string" },
  uploads: { type: "string" },
  overwrite: { type: "boolean" },
  pages: { type: "boolean" },
  summaries: { type: "boolean" },
  verbose: { type: "boolean" },
  help: { type: "boolean" },
} as const;

/**
 * `news-archive import`: reads its arguments, then runs the import, loaded
 * only now so that --help and a wrong command line answer at once. A wrong
 * line is said with the usage on stderr (exit 2).
 */
export async function importCommand(argv: readonly string[]): Promise<number> {
  const request = importRequestOf(argv);
  if (request === "help") {
    console.log(IMPORT_USAGE);
    return 0;
  }
  if ("problem" in request) {
    console.error(`${request.problem}\n\n${IMPORT_USAGE}`);
    return EXIT_USAGE;
  }
  if (request.uploads !== undefined && !(await isDirectory(request.uploads))) {
    console.error(`--uploads ${request.uploads}: no such folder; give a copy of the site's wp-content/uploads`);
    return EXIT_USAGE;
  }
  const { runImport } = await import("../import/run-import.ts");
  return runImport(request, { out: (line) => console.log(line), err: (line) => console.error(line) });
}

/** What the import's command line asks for, or what is wrong with it. */
export function importRequestOf(argv: readonly string[]): ImportRequest | "help" | { readonly problem: string } {
  const parsed = parseCommandOptions(argv, IMPORT_OPTIONS);
  if (!parsed.ok) return { problem: parsed.problem };
  const { values, positionals } = parsed;
  if (values.help === true) return "help";
  const [kind, source, ...extra] = positionals;
  if (kind !== "wordpress" && kind !== "feed")
    return {
      problem: kind === undefined ? "say what to import: wordpress or feed" : `"${kind}": expected wordpress or feed${didYouMean(kind, ["wordpress", "feed"])}`,
    };
  if (source === undefined) return { problem: `import ${kind}: name the ${kind === "wordpress" ? "export file" : "feed's file or address"}` };
  if (extra.length > 0) return { problem: `one source at a time; unexpected ${extra.map((word) => `"${word}"`).join(", ")}` };
  if (values.content === undefined) return { problem: "--content DIR: say which folder the articles are written into" };
  if (kind === "feed" && (values.uploads !== undefined || values.pages === true)) return { problem: "--uploads and --pages are for WordPress exports" };
  if (kind === "wordpress" && values.summaries === true) return { problem: "--summaries is for feeds" };
  return {
    kind,
    source,
    content: values.content,
    uploads: values.uploads,
    overwrite: values.overwrite ?? false,
    pages: values.pages ?? false,
    summaries: values.summaries ?? false,
    verbose: values.verbose ?? false,
  };
}
