import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { extname, join, normalize, sep } from "node:path";

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".bin": "application/octet-stream",
};

export interface StaticServerOptions {
  readonly root: string;
  /** The sub-path the site is built for ("/" or "/news/"); requests outside it get a 404. */
  readonly basePath: string;
  readonly port: number;
  /** Loopback by default: the archive is served to this machine only. */
  readonly host?: string;
}

/**
 * Serves a built site as a static host would: directory URLs get their
 * index.html, missing files the site's 404.html with status 404. Nothing
 * outside the root folder is ever served.
 */
export function startStaticServer(options: StaticServerOptions): Promise<{ server: Server; url: string }> {
  const server = createServer(async (request, response) => {
    const asked = requestedPath(request.url ?? "/");
    if (asked === undefined) {
      response.writeHead(400, { "content-type": "text/plain; charset=utf-8" }).end("Bad request\n");
      return;
    }
    const { path, raw } = asked;
    const send = async (file: string, status: number): Promise<void> => {
      response.writeHead(status, { "content-type": CONTENT_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream" });
      // A file removed between the check and the read (a rebuild, a test's clean-up) ends this response, not the server.
      createReadStream(file)
        .on("error", () => response.destroy())
        .pipe(response);
    };
    const notFound = async (): Promise<void> => {
      const page = join(options.root, "404.html");
      if (await isFile(page)) await send(page, 404);
      else response.writeHead(404).end("Not found");
    };
    if (!path.startsWith(options.basePath)) return notFound();
    const relative = normalize(path.slice(options.basePath.length));
    if (relative.startsWith("..") || relative.split(sep).includes("..")) return notFound();
    const target = join(options.root, relative);
    if (await isFile(target)) return send(target, 200);
    if (path.endsWith("/") && (await isFile(join(target, "index.html")))) return send(join(target, "index.html"), 200);
    if (!path.endsWith("/") && (await isFile(join(target, "index.html")))) {
      // The path as asked, still encoded, so that the folder's address is on this host, never "//another.host/".
      response.writeHead(301, { location: `${raw}/` }).end();
      return;
    }
    return notFound();
  });
  const host = options.host ?? "127.0.0.1";
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : options.port;
      resolve({ server, url: `http://${host}:${port}${options.basePath}` });
    });
  });
}

/**
 * A request's path, decoded, and as it was sent; undefined for a malformed
 * one, answered 400: a path not starting with a single "/", a bad
 * percent-escape, or an escaped slash, backslash or NUL, which name no file
 * of a site and would only serve to climb out of it.
 */
function requestedPath(url: string): { readonly path: string; readonly raw: string } | undefined {
  const raw = url.replace(/[?#].*$/s, "");
  if (!raw.startsWith("/") || raw.startsWith("//") || /%(?:2f|5c|00)/i.test(raw) || /[\\\0]/.test(raw)) return undefined;
  try {
    return { path: decodeURIComponent(raw), raw };
  } catch {
    return undefined;
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
