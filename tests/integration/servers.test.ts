import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { once } from "node:events";
import { describe, it } from "node:test";
import { loopbackDevServer } from "../../src/render/eleventy-adapter.ts";
import { startStaticServer } from "../../src/publish/static-server.ts";
import { temporaryFolder, writeFiles } from "../support/archive.ts";

describe("the servers", () => {
  it("npm start's dev server listens on the loopback address only", async () => {
    const site = await writeFiles(await temporaryFolder(), { "index.html": "<!doctype html><title>x</title>" });
    const dev = loopbackDevServer("test", site, { pathPrefix: "/" });
    dev.serve(0);
    if (!dev.server.listening) await once(dev.server, "listening");
    const address = dev.server.address() as AddressInfo;
    assert.equal(address.address, "127.0.0.1");
    const response = await fetch(`http://127.0.0.1:${address.port}/`);
    assert.equal(response.status, 200);
    await dev.close();
  });

  it("npm run preview's server listens on the loopback address only, and answers missing pages with the 404 page", async () => {
    const site = await writeFiles(await temporaryFolder(), { "index.html": "home", "404.html": "missing", "news/index.html": "news" });
    const { server, url } = await startStaticServer({ root: site, basePath: "/", port: 0 });
    assert.equal((server.address() as AddressInfo).address, "127.0.0.1");
    assert.equal(await (await fetch(url)).text(), "home");
    const missing = await fetch(`${url}nothing/`);
    assert.deepEqual([missing.status, await missing.text()], [404, "missing"]);
    const redirected = await fetch(`${url}news`, { redirect: "manual" });
    assert.deepEqual([redirected.status, redirected.headers.get("location")], [301, "/news/"]);
    const escape = await fetch(`${url}..%2f..%2fetc/passwd`);
    assert.equal(escape.status, 404);
    server.close();
  });
});
