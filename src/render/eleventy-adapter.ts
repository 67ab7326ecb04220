import type { IncomingMessage, ServerResponse } from "node:http";
import { createRequire } from "node:module";
import type { Eleventy, UserConfig } from "@11ty/eleventy";
import type EleventyDevServerType from "@11ty/eleventy-dev-server";

/**
 * The one place that touches Eleventy's private APIs. Each use names the
 * upstream issue that forces it; when that issue is fixed, the use goes.
 */

// Eleventy's own dev server (live reload, DOM diffing) is CommonJS.
const EleventyDevServer = createRequire(import.meta.url)("@11ty/eleventy-dev-server") as typeof EleventyDevServerType;

/**
 * Eleventy's dev server, listening on 127.0.0.1 only: `npm start` serves the
 * archive to this machine, not to the network it is on. The server binds
 * every interface and has no option for its host (11ty/eleventy-dev-server#128),
 * so its private `_serverListen` is overridden.
 */
export class LoopbackDevServer extends EleventyDevServer {
  override _serverListen(port: number): void {
    this.server.listen({ port, host: "127.0.0.1" });
  }

  /**
   * A malformed request ("/%", or "/..%2f..%2fetc%2fpasswd", which it refuses
   * with an exception nothing catches) ends the server's process
   * (11ty/dev-server#150): its private request handler is wrapped, so such
   * a request is answered 400 and the server stays up.
   */
  override async onRequestHandler(request: IncomingMessage, response: ServerResponse): Promise<void> {
    try {
      await super.onRequestHandler(request, response);
    } catch {
      if (response.headersSent) response.destroy();
      else response.writeHead(400, { "content-type": "text/plain; charset=utf-8" }).end("Bad request\n");
    }
  }
}

/**
 * Builds, then watches, rebuilding on deletions too. Eleventy 3.1's watcher
 * rebuilds when a watched file changes or is added, but only logs a deleted
 * one (11ty/eleventy#2798, fixed in 4.0): a deleted article's page would stay.
 * Its private `watcher` is asked for deletions, which are handed to the
 * rebuild function that `watch()` resolves to (not in its documented API).
 */
export async function watchWithDeletions(eleventy: Eleventy): Promise<void> {
  const rebuildFor = await eleventy.watch();
  eleventy.watcher?.on("unlink", (path) => void rebuildFor(path));
}

/**
 * Makes Nunjucks look in `dir` before the includes folder, so that a
 * project's own partials replace the theme's of the same name. Eleventy has
 * one includes folder and no option for more (11ty/eleventy#94), so the
 * Nunjucks loader's `searchPaths` is amended.
 */
export function searchFirstIn(eleventyConfig: UserConfig, dir: string): void {
  eleventyConfig.amendLibrary("njk", (environment) => {
    for (const loader of environment.loaders) loader.searchPaths?.unshift(dir);
  });
}
