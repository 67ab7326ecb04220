// npm run screenshots: builds the sample archive with a fixed build day, serves
// it on loopback and saves screenshots of the main page types, at phone and
// desktop sizes, to docs/screenshots/ (shown in the README).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { runBuild } from "../src/pipeline/build.ts";
import { PROJECT_ROOT, SAMPLE_CONTENT_DIR } from "../src/core/project.ts";
import { resolveBuildRequest } from "../src/pipeline/request.ts";
import { startStaticServer } from "../src/publish/static-server.ts";

const PAGES = { home: "", archive: "archive/", article: "2022/03/15/lcc-survey-results/", search: "search/?q=canteen" } as const;
const SIZES = { phone: { width: 360, height: 740 }, desktop: { width: 1280, height: 800 } } as const;

process.env["SOURCE_DATE_EPOCH"] ??= "1796083200";
const output = join(await mkdtemp(join(tmpdir(), "news-archive-screens-")), "site");
const resolved = await resolveBuildRequest({ content: SAMPLE_CONTENT_DIR, output });
if (!resolved.ok) throw new Error(resolved.errors.join("\n"));
const code = await runBuild(resolved.request, { serve: false, port: 0, verbose: false, checkLinks: false }, { out: () => undefined, err: (line) => console.error(line) });
if (code !== 0) throw new Error(`the sample archive did not build (exit ${code})`);

const { server, url } = await startStaticServer({ root: output, basePath: "/", port: 0 });
const browser = await chromium.launch({
  executablePath: process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});
try {
  for (const [size, viewport] of Object.entries(SIZES)) {
    const page = await browser.newPage({ viewport });
    for (const [name, path] of Object.entries(PAGES)) {
      await page.goto(`${url}${path}`);
      if (name === "search") await page.locator("#search-results li").first().waitFor();
      const file = join(PROJECT_ROOT, "docs/screenshots", `${name}-${size}.png`);
      await page.screenshot({ path: file });
      console.log(`saved ${file}`);
    }
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
  await rm(join(output, ".."), { recursive: true, force: true });
}
