// A front for the static server that serves as the hosts of static sites do
// (GitHub Pages, Netlify, Cloudflare Pages): HTTP/2 over TLS, so that a page's
// requests share one connection instead of queueing for HTTP/1.1's six, and
// text (HTML, CSS, scripts, SVG, JSON) gzip-compressed for a browser that
// accepts it. The certificate is made for the run, self-signed: the browser
// context that uses it must ignore certificate errors.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSecureServer, type Http2SecureServer } from "node:http2";
import { gzipSync } from "node:zlib";

const COMPRESSED_TYPES = /^(text\/|image\/svg\+xml|application\/(json|xml|javascript))/;

/** A self-signed certificate for 127.0.0.1, made with the system's openssl. */
function selfSigned(): { key: Buffer; cert: Buffer } {
  const folder = mkdtempSync(join(tmpdir(), "host-like-"));
  try {
    const [key, cert] = [join(folder, "key.pem"), join(folder, "cert.pem")];
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=127.0.0.1",
        "-keyout",
        key,
        "-out",
        cert,
      ],
      { stdio: "ignore" },
    );
    return { key: readFileSync(key), cert: readFileSync(cert) };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Serves what `origin` (an http:// URL of the static server) serves, as a host would; its https:// URL. */
export async function startHostLikeServer(origin: string): Promise<{ server: Http2SecureServer; url: string }> {
  const server = createSecureServer({ ...selfSigned(), allowHTTP1: true }, async (request, response) => {
    try {
      const upstream = await fetch(new URL(request.url, origin));
      const body = Buffer.from(await upstream.arrayBuffer());
      const type = upstream.headers.get("content-type") ?? "application/octet-stream";
      const gzip = COMPRESSED_TYPES.test(type) && /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));
      response.writeHead(upstream.status, { "content-type": type, ...(gzip ? { "content-encoding": "gzip", vary: "accept-encoding" } : {}) });
      response.end(gzip ? gzipSync(body) : body);
    } catch {
      response.writeHead(502).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("the host-like server has no port");
  return { server, url: `https://127.0.0.1:${address.port}${new URL(origin).pathname}` };
}
