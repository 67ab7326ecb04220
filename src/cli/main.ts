import { parseArgs } from "node:util";
import { runBuild } from "../pipeline/build.ts";
import { resolveBuildRequest } from "../pipeline/request.ts";

const USAGE = `Usage: npm run build -- [options]      (npm start: the same, served with live reload)

  --content DIR        the archive's folder of Markdown articles (default: content/)
  --output DIR         where the site is written (default: _site/)
  --config FILE        settings file (default: news-archive.json in the content folder)
  --base-path /PREFIX/ serve the site under a sub-path
  --site-url URL       the published site's address, e.g. https://example.org/news/
  --clean-urls=false   write links ending in index.html, for hosts without folder indexes
  --portable           a site that works opened from a folder on disk (file://), e.g. on a USB stick:
                       relative links, a search index loaded by scripts, no service worker
  --check-links        check every internal link, image and script of the written site
  --drafts             publish drafts too
  --keep-going         leave invalid articles out, publish the rest and exit 0
                       (a build left with no article to publish still fails)
  --cache-dir DIR      where unchanged articles are kept parsed and rendered between builds
                       (default: node_modules/.cache/news-archive/)
  --no-cache           parse and render every article again
  --verbose            list every warning instead of the first 10 of each kind
  --serve              serve the site with live reload (what npm start does)
  --port N             port for --serve (default: 8080)
  --help               this text`;

async function main(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        content: { type: "string" },
        output: { type: "string" },
        config: { type: "string" },
        "base-path": { type: "string" },
        "site-url": { type: "string" },
        "clean-urls": { type: "string" },
        "check-links": { type: "boolean" },
        portable: { type: "boolean" },
        drafts: { type: "boolean" },
        "keep-going": { type: "boolean" },
        "cache-dir": { type: "string" },
        "no-cache": { type: "boolean" },
        verbose: { type: "boolean" },
        serve: { type: "boolean" },
        port: { type: "string" },
        help: { type: "boolean" },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (cause) {
    console.error(`${cause instanceof Error ? cause.message : String(cause)}\n\n${USAGE}`);
    return 2;
  }
  const { values } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const cleanUrls = values["clean-urls"];
  if (cleanUrls !== undefined && cleanUrls !== "true" && cleanUrls !== "false") {
    console.error(`--clean-urls=${cleanUrls}: expected --clean-urls=true or --clean-urls=false`);
    return 2;
  }
  if (values["no-cache"] === true && values["cache-dir"] !== undefined) {
    console.error("--no-cache and --cache-dir contradict each other; give one of them");
    return 2;
  }
  const port = values.port === undefined ? 8080 : Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    console.error(`--port ${values.port}: expected a port number from 1 to 65535`);
    return 2;
  }
  const resolved = await resolveBuildRequest({
    ...(values.content === undefined ? {} : { content: values.content }),
    ...(values.output === undefined ? {} : { output: values.output }),
    ...(values.config === undefined ? {} : { config: values.config }),
    ...(values["base-path"] === undefined ? {} : { basePath: values["base-path"] }),
    ...(values["site-url"] === undefined ? {} : { siteUrl: values["site-url"] }),
    ...(cleanUrls === undefined ? {} : { cleanUrls: cleanUrls === "true" }),
    drafts: values.drafts ?? false,
    keepGoing: values["keep-going"] ?? false,
    portable: values.portable ?? false,
    ...(values["no-cache"] === true ? { cacheDir: false } : values["cache-dir"] === undefined ? {} : { cacheDir: values["cache-dir"] }),
  });
  if (!resolved.ok) {
    resolved.errors.forEach((line) => console.error(`error: ${line}`));
    return 2;
  }
  return runBuild(
    resolved.request,
    { serve: values.serve ?? false, port, verbose: values.verbose ?? false, checkLinks: values["check-links"] ?? false },
    { out: (line) => console.log(line), err: (line) => console.error(line) },
  );
}

const code = await main(process.argv.slice(2));
if (code !== 0) process.exitCode = code;
