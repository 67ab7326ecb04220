import type { IncomingMessage, ServerResponse } from "node:http";
import { createRequire } from "node:module";
import type { UserConfig } from "@11ty/eleventy";
import type { default as EleventyDevServerType, DevServerOptions } from "@11ty/eleventy-dev-server";

/**
 * The one place that touches Eleventy's private APIs. Each use names the
 * upstream issue that forces it; when that issue is fixed, the use goes.
 */

/**
 * Eleventy, loaded on first use, without its ESM resolver. On Node 20,
 * loading Eleventy registers module hooks (a thread of their own, which every
 * later import then goes through) so that a JavaScript config or data file
 * edited under --watch is imported afresh (11ty/eleventy#3270). This project
 * has neither: the site is wired in code and its templates are Nunjucks. The
 * variable Eleventy reads to skip it (11ty/eleventy#3371) is set before the
 * first load, in each thread that renders.
 */
export function loadEleventy(): Promise<typeof import("@11ty/eleventy")> {
  process.env["ELEVENTY_SKIP_ESM_RESOLVER"] ??= "true";
  return import("@11ty/eleventy");
}

/**
 * Eleventy's dev server, listening on 127.0.0.1 only: `npm start` serves the
 * archive to this machine, not to the network it is on. The server binds
 * every interface and has no option for its host (11ty/eleventy-dev-server#128),
 * so its private `_serverListen` is overridden. The server (live reload, DOM
 * diffing; CommonJS) is loaded here, by `npm start` only.
 */
export function loopbackDevServer(name: string, dir: string, options: DevServerOptions): EleventyDevServerType {
  const EleventyDevServer = createRequire(import.meta.url)("@11ty/eleventy-dev-server") as typeof EleventyDevServerType;
  class LoopbackDevServer extends EleventyDevServer {
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
  return new LoopbackDevServer(name, dir, options);
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
