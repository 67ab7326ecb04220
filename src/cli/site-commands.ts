import { parseCommandLine, readPort, reportUsageErrors } from "./arguments.ts";
import { SITE_OPTION_LINES, SITE_OPTIONS, siteOptionsOf } from "./site-options.ts";

const PREVIEW_USAGE = `Usage: news-archive preview [options]

Serves the built site on 127.0.0.1, as a static host would, with no network.
The settings give the base path the site is served under (with no content folder,
those of --config, or the defaults).

${SITE_OPTION_LINES}
  --port N             the port (default: 8081)
  --help               this text`;

const CHECK_USAGE = `Usage: news-archive check [options]

Checks every internal link, image and script of a built site: each must point to a
file of the site. A broken link in an article's body is a warning (the article's
author fixes it); one in the site's own pages is an error.
Exit codes: 0 no error; 1 a broken link in the site's pages; 2 the command was wrong
(no built site in the output folder). The settings give the base path (with no content
folder, those of --config, or the defaults).

${SITE_OPTION_LINES}
  --portable           the site was built with --portable: check it as opened from disk
  --help               this text`;

/** `news-archive preview`: serves a built site locally, with no network, as a static host would. */
export async function previewCommand(argv: readonly string[]): Promise<number> {
  const line = parseCommandLine(argv, { ...SITE_OPTIONS, port: { type: "string" } } as const, PREVIEW_USAGE);
  if (!line.ok) return line.exitCode;
  const port = readPort(line.values.port, 8081);
  if ("problem" in port) return reportUsageErrors([port.problem]);
  const { resolveBuildRequest } = await import("../pipeline/request.ts");
  const resolved = await resolveBuildRequest({ ...siteOptionsOf(line.values), builtSiteOnly: true });
  if (!resolved.ok) return reportUsageErrors(resolved.errors);
  const { request } = resolved;
  const { startStaticServer } = await import("../publish/static-server.ts");
  const { url } = await startStaticServer({ root: request.outputDir, basePath: request.settings.basePath, port: port.port });
  console.log(`Serving ${request.outputDir} at ${url} (Ctrl+C to stop)`);
  return 0;
}

/** `news-archive check`: the links of a built site. */
export async function checkCommand(argv: readonly string[]): Promise<number> {
  const line = parseCommandLine(argv, { ...SITE_OPTIONS, portable: { type: "boolean" } } as const, CHECK_USAGE);
  if (!line.ok) return line.exitCode;
  const { resolveBuildRequest } = await import("../pipeline/request.ts");
  const resolved = await resolveBuildRequest({ ...siteOptionsOf(line.values), builtSiteOnly: true });
  if (!resolved.ok) return reportUsageErrors(resolved.errors);
  const { request } = resolved;
  const noSite = `${line.values.output ?? request.outputDir}: no built site here; build one first (news-archive build), or give its folder with --output DIR`;
  const { isDirectory } = await import("../core/files.ts");
  if (!(await isDirectory(request.outputDir))) return reportUsageErrors([noSite]);
  const { checkLinks, describeBrokenLink, linkSummary } = await import("../publish/link-check.ts");
  const report = await checkLinks(request.outputDir, request.settings.basePath, { fromDisk: line.values.portable ?? false });
  if (report.pages === 0) return reportUsageErrors([noSite]);
  for (const link of report.broken) console.error(`${link.page}: ${link.inArticleBody ? "warning" : "error"}: ${describeBrokenLink(link)}`);
  const siteErrors = report.broken.filter((link) => !link.inArticleBody).length;
  console.log(linkSummary(report, siteErrors));
  return siteErrors > 0 ? 1 : 0;
}
