// How a load makes an article of what it read: its fields with what the
// load resolved (category, authors, address, redirects) and its body linked;
// and, under `npm start`, the same article edited in what its own page
// shows, placed and linked as the last load placed and linked the others.
import type { Article, OldAddress } from "../core/article.ts";
import type { Settings } from "../core/settings.ts";
import type { Route } from "../core/urls.ts";
import type { PlacedBody } from "./archive-links.ts";
import { bodyLinkedToBundle, linkToBundleFolder } from "./bundle-files.ts";
import { bundleImageSizes, withImageSizes } from "./image-sizes.ts";
import type { RenderedBody } from "./markdown.ts";
import { placeEdited, type PlacedAddresses } from "./placement.ts";
import type { ReadArticle } from "./read-file.ts";
import type { Linkable } from "./templates.ts";

/** What a load made of an article beside its fields: its category, authors, address and redirects resolved, its body linked. */
type MadeOfArticle = Pick<Article, "category" | "authors" | "route" | "redirects" | "bodyHtml" | "excerpt" | "searchRecord">;

/** An article as a load publishes it: its fields as read, with the page bundle's files it publishes, and what the load made of it. */
export function publishedArticle(read: ReadArticle["fields"], assets: readonly string[], made: MadeOfArticle): Article {
  // Two copies of the fields, not three: a load makes an article of each of a large archive's 100,000 files.
  const { categoryName: _written, ownPath: _own, oldAddresses: _old, ...rest } = read;
  const toBundle = linkToBundleFolder(made.route, assets);
  const image = rest.image === undefined || toBundle === undefined ? {} : { image: toBundle(rest.image) };
  return { ...rest, assets, ...image, ...made };
}

/** What linking a body needs of its placed article or page: where it is and what it is called, not its body. */
export interface BodyPlace {
  readonly sourcePath: string;
  readonly bundleDir?: string | undefined;
  readonly title: string;
  readonly route: Route & { readonly kind: "article" | "page" };
  readonly redirects: readonly OldAddress[];
  readonly assets: readonly string[];
  /** The folder of its old address, when `oldPermalinks` gave it one. */
  readonly oldFolder?: string;
}

export function linkableOf(place: Pick<BodyPlace, "sourcePath" | "bundleDir" | "title" | "route">, body: RenderedBody): Linkable {
  return { sourcePath: place.sourcePath, bundleDir: place.bundleDir, title: place.title, route: place.route, html: body.html, references: body.references };
}

export function placedBodyOf({ bundleDir: _bundle, ...place }: BodyPlace, html: string, urls?: readonly string[]): PlacedBody {
  return { ...place, html, urls };
}

/** A body's HTML as its page prints it, its links resolved: with the sizes of its bundle's images, and for an article, its bundle's files linked. */
export function printedHtml(html: string, { bundleDir, assets, route }: BodyPlace, contentDir: string): string {
  const sized = bundleDir === undefined ? html : withImageSizes(html, bundleImageSizes(contentDir, bundleDir, assets));
  return route.kind === "article" ? bodyLinkedToBundle(sized, route, assets) : sized;
}

/** What an edited article is placed and linked with: the load's linker, resolver, settings and addresses. */
interface EditContext {
  readonly relink: (article: Linkable) => string;
  readonly resolveLinks: (body: PlacedBody) => string;
  readonly contentDir: string;
  readonly settings: Settings;
  readonly addresses: PlacedAddresses;
}

/** See ArchiveLoad.editedArticle (load-archive.ts). */
export type EditedArticle = (before: ReadArticle, after: ReadArticle) => Article | undefined;

/**
 * ArchiveLoad's editedArticle, of its own scope: it holds the articles as
 * published and their places, the load's linker and resolver, never the
 * bodies the load read (held for a whole `npm start` session).
 */
export function articleEditor(articles: readonly { readonly article: Article; readonly place: BodyPlace }[], context: EditContext): EditedArticle {
  const bySource = new Map(articles.map((entry) => [entry.place.sourcePath, entry]));
  return (before, after) => {
    const last = bySource.get(after.fields.sourcePath);
    if (last === undefined || before.fields.sourcePath !== after.fields.sourcePath || wholeLoadPlaces(before.fields) !== wholeLoadPlaces(after.fields)) return undefined;
    const { category, authors, redirects, assets, route: lastRoute } = last.article;
    const path = placeEdited(after.fields, category, context.settings, context.addresses);
    if (path === undefined) return undefined;
    // What follows an article that moves is the whole load's to place: a page bundle's files, copied beside its page;
    // its redirects, which lead to its address and may be made from it (Hugo's relative aliases, `oldPermalinks`),
    // and the old folder its relative links were resolved from.
    const moves = path !== lastRoute.path;
    if (moves && (assets.length > 0 || redirects.length > 0 || context.settings.oldPermalinks.length > 0)) return undefined;
    const route = { kind: "article", path } as const;
    const place = { ...last.place, title: after.fields.title, route };
    const bodyHtml = printedHtml(context.resolveLinks(placedBodyOf(place, context.relink(linkableOf(place, after.body)))), place, context.contentDir);
    return publishedArticle(after.fields, assets, { category, authors, route, redirects, bodyHtml, excerpt: after.body.excerpt, searchRecord: after.record });
  };
}

/** An article's fields that only a whole load resolves (its category, authors, addresses, draft state, bundle), as one string to compare. */
function wholeLoadPlaces(fields: ReadArticle["fields"]): string {
  const { categoryName, authors, ownPath, oldAddresses, draft, bundleDir, assets } = fields;
  return JSON.stringify([categoryName, authors, ownPath, oldAddresses, draft, bundleDir, assets]);
}

