import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";
import { article, makeArchive, temporaryFolder } from "../support/archive.ts";
import { runCli } from "../support/cli.ts";

/** Issue 28, case 5: a file named by the settings is read only from the archive's folder or the settings file's. */
describe("the logo a setting names", () => {
  const settingsWith = (file: string): string => JSON.stringify({ logo: { file, width: 40, height: 40 } }, null, 2);

  it("is refused with the settings file and line when it lies outside the archive's and the settings file's folders, or leads there by a link", async () => {
    for (const file of ["/proc/self/environ", "../../../../../../../etc/passwd", "link.svg"]) {
      const content = await makeArchive({ "a.md": article({ title: "A", date: "2021-01-02", category: "News" }), "news-archive.json": settingsWith(file) });
      await symlink("/etc/passwd", join(content, "link.svg"));
      const output = join(await temporaryFolder(), "site");
      const run = await runCli(["--content", content, "--output", output], { CI_TOKEN: "secret-token-value" });
      assert.equal(run.code, 2, `${file}: ${run.stderr}`);
      assert.match(
        run.stderr,
        /news-archive\.json:3:5: setting "logo": the file .+ lies outside the archive's folder and the settings file's folder \(or leads there by a symbolic link\); put the logo in the archive's folder/,
        file,
      );
      assert.equal(existsSync(output), false);
    }
  });

  it("is read from the settings file's folder, given with --config, as well as from the archive's folder", async () => {
    const content = await makeArchive({ "a.md": article({ title: "A", date: "2021-01-02", category: "News" }) });
    const config = join(await temporaryFolder(), "config");
    await mkdir(config, { recursive: true });
    await writeFile(join(config, "site.json"), settingsWith("logo.svg"));
    await writeFile(join(config, "logo.svg"), '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"/>');
    const output = join(await temporaryFolder(), "site");
    const run = await runCli(["--content", content, "--output", output, "--config", join(config, "site.json")]);
    assert.equal(run.code, 0, run.stderr);
    const logo = (await readdir(join(output, "assets"))).find((name) => name.startsWith("logo."));
    assert.match(await readFile(join(output, "assets", logo ?? "missing"), "utf8"), /<svg/);
  });

  it("is a clear error when it does not exist", async () => {
    const content = await makeArchive({
      "a.md": article({ title: "A", date: "2021-01-02", category: "News" }),
      "news-archive.json": settingsWith("missing.svg"),
    });
    const run = await runCli(["--content", content, "--output", join(await temporaryFolder(), "site")]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /news-archive\.json:3:5: setting "logo": the file .+missing\.svg does not exist; put the logo there or correct the setting/);
  });
});
