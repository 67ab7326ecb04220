import { realpath } from "node:fs/promises";
import { loadArchive, type LoadedArchive } from "../content/load-archive.ts";
import { buildArticlePages, buildSiteView, bundleAssetCopies, type ArticlePageView, type SiteView } from "../model/site-view.ts";
import { createMarkdownRenderer } from "../render/markdown.ts";
import type { BuildRequest } from "./request.ts";

/** Everything one build publishes, computed once from the loaded archive. */
export interface SiteData {
  readonly archive: LoadedArchive;
  readonly site: SiteView;
  readonly articlePages: readonly ArticlePageView[];
  readonly bundleAssets: readonly { readonly from: string; readonly to: string }[];
  /** How long loading, checking and modelling took. */
  readonly loadSeconds: number;
}

/**
 * Hands the typed site data to Eleventy. The first build uses the archive the
 * command line already loaded and checked; under `npm start` a change in the
 * content folder marks it stale and the next build loads it again.
 */
export class SiteSource {
  readonly request: BuildRequest;
  #current: Promise<SiteData> | undefined;
  #loads = 0;
  #reloadListener: ((data: SiteData) => void) | undefined;

  constructor(request: BuildRequest) {
    this.request = request;
  }

  data(): Promise<SiteData> {
    this.#current ??= this.#load();
    return this.#current;
  }

  invalidate(): void {
    this.#current = undefined;
  }

  /** Called with the new data each time the archive is loaded again (under `npm start`). */
  onReload(listener: (data: SiteData) => void): void {
    this.#reloadListener = listener;
  }

  async #load(): Promise<SiteData> {
    const { request } = this;
    const started = performance.now();
    const archive = await loadArchive({
      contentDir: request.contentDir,
      settings: request.settings,
      includeDrafts: request.includeDrafts,
      knownFiles: request.settingsFileInContent === undefined ? [] : [request.settingsFileInContent],
      excludedDirs: [await realpath(request.outputDir).catch(() => request.outputDir)],
      renderMarkdown: createMarkdownRenderer(),
    });
    const data: SiteData = {
      archive,
      site: buildSiteView(archive.articles, request.settings),
      articlePages: buildArticlePages(archive.articles, request.settings),
      bundleAssets: bundleAssetCopies(archive.articles),
      loadSeconds: (performance.now() - started) / 1000,
    };
    this.#loads += 1;
    if (this.#loads > 1) this.#reloadListener?.(data);
    return data;
  }
}
