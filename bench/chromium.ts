import { chromium, type Browser } from "playwright-core";

/** Headless Chromium for the benchmarks: Debian's, as the browser tests use, unless CHROMIUM_PATH names another (browsers cannot be downloaded here). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
}
