import { createRequire } from "node:module";
import type EleventyDevServerType from "@11ty/eleventy-dev-server";

// Eleventy's own dev server (live reload, DOM diffing) is CommonJS.
const EleventyDevServer = createRequire(import.meta.url)("@11ty/eleventy-dev-server") as typeof EleventyDevServerType;

/**
 * Eleventy's dev server, listening on 127.0.0.1 only: `npm start` serves the
 * archive to this machine, not to the network it is on.
 */
export class LoopbackDevServer extends EleventyDevServer {
  override _serverListen(port: number): void {
    this.server.listen({ port, host: "127.0.0.1" });
  }
}
