import { parseArgs } from "node:util";
import { resolveBuildRequest } from "../pipeline/request.ts";
import { startStaticServer } from "../publish/static-server.ts";

// `npm run preview`: serves a built site locally, with no network, as a static host would.
const { values } = parseArgs({
  options: { output: { type: "string" }, "base-path": { type: "string" }, config: { type: "string" }, content: { type: "string" }, port: { type: "string" } },
  strict: true,
});
const resolved = await resolveBuildRequest({
  ...(values.output === undefined ? {} : { output: values.output }),
  ...(values.content === undefined ? {} : { content: values.content }),
  ...(values.config === undefined ? {} : { config: values.config }),
  ...(values["base-path"] === undefined ? {} : { basePath: values["base-path"] }),
});
if (!resolved.ok) {
  resolved.errors.forEach((line) => console.error(`error: ${line}`));
  process.exit(2);
}
const { request } = resolved;
const { url } = await startStaticServer({ root: request.outputDir, basePath: request.settings.basePath, port: Number(values.port ?? "8081") });
console.log(`Serving ${request.outputDir} at ${url} (Ctrl+C to stop)`);
