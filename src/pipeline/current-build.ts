import { resolveBuildRequest } from "./request.ts";
import { SiteSource } from "./site-source.ts";

let current: SiteSource | undefined;

/** The build command sets the source before it starts Eleventy. */
export function setCurrentSiteSource(source: SiteSource): void {
  current = source;
}

/**
 * The source the Eleventy config wires in: the one the build command set, or,
 * when Eleventy is run on its own, the sample archive with its settings.
 */
export async function currentSiteSource(): Promise<SiteSource> {
  if (current !== undefined) return current;
  const resolved = await resolveBuildRequest({});
  if (!resolved.ok) throw new Error(resolved.errors.join("\n"));
  current = new SiteSource(resolved.request);
  return current;
}
