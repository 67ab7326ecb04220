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

/** What a static host answers for a path: a file (with its status and type), a redirect to the folder's address, or nothing (404, without a 404 page). */
export type StaticAnswer =
  | { readonly kind: "file"; readonly file: string; readonly status: 200 | 404; readonly contentType: string }
  | { readonly kind: "redirect"; readonly location: string }
  | { readonly kind: "missing" };

/**
 * What a static host answers for a URL's path: directory URLs get their
 * index.html (a folder named without its slash is redirected to it),
 * missing files the site's 404.html with status 404. Nothing outside the
 * root folder is ever served.
 */
export async function staticAnswer(root: string, basePath: string, urlPath: string): Promise<StaticAnswer> {
  const path = decodeURIComponent(urlPath);
  const file = (found: string, status: 200 | 404): StaticAnswer => ({ kind: "file", file: found, status, contentType: CONTENT_TYPES[extname(found).toLowerCase()] ?? "application/octet-stream" });
  const notFound = async (): Promise<StaticAnswer> => {
    const page = join(root, "404.html");
    return (await isFile(page)) ? file(page, 404) : { kind: "missing" };
  };
  if (!path.startsWith(basePath)) return notFound();
  const relative = normalize(path.slice(basePath.length));
  if (relative.startsWith("..") || relative.split(sep).includes("..")) return notFound();
  const target = join(root, relative);
  if (await isFile(target)) return file(target, 200);
  if (path.endsWith("/") && (await isFile(join(target, "index.html")))) return file(join(target, "index.html"), 200);
  if (!path.endsWith("/") && (await isFile(join(target, "index.html")))) return { kind: "redirect", location: `${path}/` };
  return notFound();
}

/** Serves a built site as a static host would (staticAnswer), over HTTP. */
export function startStaticServer(options: StaticServerOptions): Promise<{ server: Server; url: string }> {
  const server = createServer(async (request, response) => {
    const answer = await staticAnswer(options.root, options.basePath, new URL(request.url ?? "/", "http://localhost").pathname);
    if (answer.kind === "redirect") response.writeHead(301, { location: answer.location }).end();
    else if (answer.kind === "missing") response.writeHead(404).end("Not found");
    else {
      response.writeHead(answer.status, { "content-type": answer.contentType });
      // A file removed between the check and the read (a rebuild, a test's clean-up) ends this response, not the server.
      createReadStream(answer.file)
        .on("error", () => response.destroy())
        .pipe(response);
    }
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

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
