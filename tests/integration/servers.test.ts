import assert from "node:assert/strict";
import { request } from "node:http";
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
    const climbing = await fetch(`${url}..%2f..%2fetc/passwd`);
    assert.equal(climbing.status, 400);
    server.close();
  });

  it("npm run preview's server answers 400 to malformed requests, stays up, and never redirects to another host", async () => {
    const site = await writeFiles(await temporaryFolder(), { "index.html": "home", "404.html": "missing", "2021/index.html": "year" });
    const { server } = await startStaticServer({ root: site, basePath: "/", port: 0 });
    const { port } = server.address() as AddressInfo;
    for (const path of ["/%", "/%E0%A4%A", "/..%2f..%2fetc%2fpasswd", "/a%5c..%5c..%5cetc"]) assert.equal((await rawGet(port, path)).status, 400, path);
    const sneaky = await rawGet(port, "/%2Fevil.example%2F..%2F..%2F2021");
    assert.notEqual(sneaky.status, 301, `Location: ${sneaky.location ?? ""}`);
    const year = await rawGet(port, "/2021");
    assert.deepEqual([year.status, year.location], [301, "/2021/"]);
    assert.equal((await rawGet(port, "/")).status, 200, "still serving");
    server.close();
  });

  it("npm start's dev server answers 400 to a request that leaves its folder, and stays up (11ty/dev-server#150)", async () => {
    const site = await writeFiles(await temporaryFolder(), { "index.html": "<!doctype html><title>x</title>" });
    const dev = loopbackDevServer("test", site, { pathPrefix: "/" });
    dev.serve(0);
    if (!dev.server.listening) await once(dev.server, "listening");
    const { port } = dev.server.address() as AddressInfo;
    for (const path of ["/..%2f..%2fetc%2fpasswd", "/%", "/%E0%A4%A"]) assert.equal((await rawGet(port, path)).status, 400, path);
    assert.equal((await rawGet(port, "/")).status, 200, "still serving");
    await dev.close();
  });
});

/** A GET of a path sent exactly as written (fetch would normalise it), with the answer's status and Location. */
function rawGet(port: number, path: string): Promise<{ readonly status: number; readonly location: string | undefined }> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: "127.0.0.1", port, path, method: "GET" }, (response) => {
      response.resume();
      response.on("end", () => resolve({ status: response.statusCode ?? 0, location: response.headers.location }));
    });
    outgoing.on("error", reject);
    outgoing.end();
  });
}
