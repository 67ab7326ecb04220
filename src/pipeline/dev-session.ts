import { rm } from "node:fs/promises";
import { join } from "node:path";
import type { BuildCache } from "../content/build-cache.ts";
import type { ReadOutcome, RecentRead } from "../content/load-archive.ts";
import { pageChanges, renderPasses, type PageFingerprints } from "../model/page-changes.ts";
import { mapPageKinds, type PageKindName, type PageViews, type SiteViews } from "../model/pages.ts";
import { writeBesidePages } from "../publish/beside-pages.ts";
import { loadSite, openArticleCache, type Site } from "./load-site.ts";
import type { BuildRequest } from "./request.ts";

/** A load of the archive under `npm start`, and the pages it has to render again. */
export interface DevLoad {
  readonly site: Site;
  /** The views of the pages that changed since the last build (every page the first time). */
  readonly changed: SiteViews;
  readonly pagesToRender: number;
}

/** What `npm start` reports. */
export interface DevSessionEvents {
  /** The archive was loaded again after an edit. */
  readonly reloaded: (load: DevLoad) => void;
  /** A build's pages and files are written; its search index follows. */
  readonly pagesWritten: () => void;
}

/**
 * The state `npm start` keeps between the builds of one session: the build
 * cache, what the last load read, and what each page printed, so that an
 * edit reads only the edited files and renders only the pages it changed.
 * Eleventy asks for the views on every build; an edit marks them stale.
 */
export class DevSession {
  readonly #request: BuildRequest;
  readonly #events: DevSessionEvents;
  readonly #articleCache: Promise<BuildCache<ReadOutcome>>;
  #recentReads: ReadonlyMap<string, RecentRead> = new Map();
  #fingerprints: PageFingerprints | undefined;
  #current: Promise<DevLoad> | undefined;
  /** The load whose pages are already written, by renderInPasses: the watch's next build renders none of them. */
  #rendered: DevLoad | undefined;
  #loads = 0;

  constructor(request: BuildRequest, events: DevSessionEvents) {
    this.#request = request;
    this.#events = events;
    this.#articleCache = openArticleCache(request);
  }

  /** The current load: the archive as it is since the last edit. */
  load(): Promise<DevLoad> {
    this.#current ??= this.#load();
    return this.#current;
  }

  /** The views of the pages the next build renders. */
  async viewsToRender(): Promise<SiteViews> {
    const load = await this.load();
    if (load !== this.#rendered) return load.changed;
    return { site: load.changed.site, pages: mapPageKinds(<Name extends PageKindName>(): PageViews[Name] => [] as PageViews[Name]) };
  }

  /**
   * Writes the current load's pages with `render`, one Eleventy run per pass
   * of at most `articlesPerRenderPass` article pages, as `npm run build`
   * does: a watching Eleventy renders a build in one run, which a large
   * archive's first build outgrows (Node's heap at 100,000 articles). The
   * watch's first build then renders none of them. An archive that fits in
   * one pass is left to the watch. Returns how many passes were rendered.
   */
  async renderInPasses(render: (views: SiteViews) => Promise<void>): Promise<number> {
    const load = await this.load();
    const passes = renderPasses(load.changed, this.#request.articlesPerRenderPass);
    if (passes.length < 2) return 0;
    for (const views of passes) await render(views);
    this.#rendered = load;
    return passes.length;
  }

  /** Files changed: the next build loads the archive again, and renders every page when `everyPage` (a template changed, which can change any). */
  changed({ everyPage }: { readonly everyPage: boolean }): void {
    this.#current = undefined;
    if (everyPage) this.#fingerprints = undefined;
  }

  /** Writes what sits beside the pages once a build has written them; the browser reloads before the search index is written. */
  async written(outputDir: string): Promise<void> {
    const { site } = await this.load();
    // The search index's files an edit did not change stay where they are.
    await writeBesidePages(outputDir, site, this.#request, this.#events.pagesWritten, outputDir);
  }

  async #load(): Promise<DevLoad> {
    const next = new Map<string, RecentRead>();
    const site = await loadSite(this.#request, { articleCache: await this.#articleCache, recentReads: { previous: this.#recentReads, next }, serving: true });
    this.#recentReads = next;
    const changes = pageChanges(site.views, this.#fingerprints);
    this.#fingerprints = changes.fingerprints;
    // Eleventy writes pages but never removes one: the pages that are gone (an article deleted, or moved by its new date) are removed here.
    await Promise.all(changes.removed.map((file) => rm(join(this.#request.outputDir, file), { force: true })));
    const load: DevLoad = { site, changed: changes.views, pagesToRender: changes.pages };
    this.#loads += 1;
    if (this.#loads > 1) this.#events.reloaded(load);
    return load;
  }
}
