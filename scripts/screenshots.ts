// npm run screenshots: builds the sample archive, and the Node.js blog when
// ../shared/corpora/ is beside the project, with a fixed build day; serves
// each on loopback and saves screenshots of the main page types, at phone
// and desktop sizes, to docs/screenshots/ (shown in the README).
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { runBuild } from "../src/pipeline/build.ts";
import { PROJECT_ROOT, SAMPLE_CONTENT_DIR } from "../src/core/project.ts";
import { resolveBuildRequest, type BuildOptions } from "../src/pipeline/request.ts";
import { startStaticServer } from "../src/publish/static-server.ts";

/** A page to shoot: its path, and the element to scroll to the top of the window, if any. */
interface Shot {
  readonly path: string;
  readonly scrollTo?: string;
  readonly waitFor?: string;
}

interface Archive {
  readonly name: string;
  readonly options: BuildOptions;
  /** File name prefix → page. */
  readonly shots: Readonly<Record<string, Shot>>;
}

const SIZES = { phone: { width: 360, height: 740 }, desktop: { width: 1280, height: 800 } } as const;
const CORPORA = join(PROJECT_ROOT, "..", "shared", "corpora");

const ARCHIVES: readonly Archive[] = [
  {
    name: "the sample archive",
    options: { content: SAMPLE_CONTENT_DIR },
    shots: {
      home: { path: "" },
      archive: { path: "archive/" },
      article: { path: "2022/03/15/lcc-survey-results/" },
      search: { path: "search/?q=canteen", waitFor: "#search-results li" },
    },
  },
  {
    name: "the Node.js blog",
    options: { content: join(CORPORA, "nodejs-blog", "content"), config: join(PROJECT_ROOT, "tests/corpora/nodejs-blog.json") },
    shots: {
      // An archive that features nothing and names no sidebar box: the front page and boxes drawn from it.
      "nodejs-home": { path: "" },
      "nodejs-year": { path: "2016/" },
      "nodejs-article": { path: "2024/09/17/v22-9-0/", scrollTo: ".article-body h3" },
    },
  },
];

process.env["SOURCE_DATE_EPOCH"] ??= "1796083200";
const browser = await chromium.launch({
  executablePath: process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});
try {
  for (const archive of ARCHIVES) {
    if (archive.options.content !== undefined && !existsSync(archive.options.content)) {
      console.log(`skipped ${archive.name}: ${archive.options.content} is absent`);
      continue;
    }
    await shootArchive(browser, archive);
  }
} finally {
  await browser.close();
}

async function shootArchive(browser: Browser, archive: Archive): Promise<void> {
  const output = join(await mkdtemp(join(tmpdir(), "news-archive-screens-")), "site");
  try {
    const resolved = await resolveBuildRequest({ ...archive.options, output });
    if (!resolved.ok) throw new Error(resolved.errors.join("\n"));
    const code = await runBuild(resolved.request, { verbose: false, checkLinks: false }, { out: () => undefined, err: () => undefined });
    if (code !== 0) throw new Error(`${archive.name} did not build (exit ${code})`);
    const { server, url } = await startStaticServer({ root: output, basePath: "/", port: 0 });
    try {
      for (const [size, viewport] of Object.entries(SIZES)) {
        const page = await browser.newPage({ viewport });
        for (const [name, shot] of Object.entries(archive.shots)) {
          await page.goto(`${url}${shot.path}`);
          if (shot.waitFor !== undefined) await page.locator(shot.waitFor).first().waitFor();
          if (shot.scrollTo !== undefined)
            await page
              .locator(shot.scrollTo)
              .first()
              .evaluate((element) => window.scrollTo(0, element.getBoundingClientRect().top + window.scrollY - 16));
          const file = join(PROJECT_ROOT, "docs/screenshots", `${name}-${size}.png`);
          await page.screenshot({ path: file });
          console.log(`saved ${file}`);
        }
        await page.close();
      }
    } finally {
      server.closeAllConnections();
      server.close();
    }
  } finally {
    await rm(join(output, ".."), { recursive: true, force: true });
  }
}
