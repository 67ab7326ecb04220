import { basename, extname } from "node:path/posix";
import { shorten } from "./excerpt.ts";
import { linkReferences, type ArticleReference, type TemplateOutcome, type TemplateUse } from "./expand-templates.ts";
import { linkPath, type Route } from "../core/urls.ts";
import { splitFileNameDate } from "../core/dates.ts";
import { warning, type Diagnostic } from "../core/diagnostics.ts";

/**
 * What the archive reports about template calls in bodies (see
 * `expand-templates.ts`): a warning for each article with calls left as
 * text, and which article a reference such as `{{< ref "foo.md" >}}` or
 * `{% post_url 2010-07-21-name %}` names.
 */

/** How many further lines a warning lists; the rest are counted. */
const LISTED_LINES = 10;
const SHOWN_CALL_LENGTH = 80;

/**
 * One warning per article, at its first call left as text, naming it and
 * counting the others; and one for each call the shortcodes file maps but
 * could not make.
 */
export function templateSyntaxWarnings(file: string, uses: readonly TemplateUse[]): Diagnostic[] {
  const failed = uses.flatMap((use) =>
    use.problem === undefined ? [] : [warning("shortcode-failed", file, `the shortcodes file maps "${use.name}", but for ${shorten(use.text, SHOWN_CALL_LENGTH)} ${use.problem}; the call is shown as text`, use.line)],
  );
  const asText = uses.filter((use) => use.outcome === "text" && use.problem === undefined);
  const [first, ...others] = asText;
  if (first === undefined) return failed;
  const lines = others.slice(0, LISTED_LINES).map((use) => use.line);
  const more = others.length === 0 ? "" : `, and ${others.length} more on line${others.length > 1 ? "s" : ""} ${lines.join(", ")}${others.length > LISTED_LINES ? ", …" : ""}`;
  return [
    ...failed,
    warning(
      "template-syntax",
      file,
      `template syntax published as text: ${shorten(first.text, SHOWN_CALL_LENGTH)}${more}. No template language runs over bodies; replace these with Markdown or HTML, or say what each becomes in a shortcodes file (images, video and article-link shortcodes are rendered)`,
      first.line,
    ),
  ];
}

const CLOSING_CALL = /^(?:\/|end[a-z_]+$)/;

export type TemplateCounts = Readonly<Record<TemplateOutcome, number>> & {
  /** Articles with at least one template call. */
  readonly articles: number;
  /** The calls left as text, by the name a shortcodes file would map them by. */
  readonly unmapped: Readonly<Record<string, number>>;
};

/** Adds up what the calls of the published articles became; `unresolved` article links stayed text. */
export function countTemplates(uses: readonly (readonly TemplateUse[])[], unresolved: number): TemplateCounts {
  const counts: Record<TemplateOutcome, number> = { image: 0, "video-link": 0, "article-link": 0, "code-block": 0, "site-url": 0, "as-written": 0, mapped: 0, text: 0 };
  const unmapped: Record<string, number> = {};
  for (const list of uses) {
    for (const use of list) {
      counts[use.outcome] += 1;
      // A closing call (`{{< /note >}}`, `{% endfor %}`) is mapped with its opening one: it is not counted again.
      if (use.outcome === "text" && !CLOSING_CALL.test(use.name)) unmapped[use.name] = (unmapped[use.name] ?? 0) + 1;
    }
  }
  counts["article-link"] -= unresolved;
  counts.text += unresolved;
  return { ...counts, articles: uses.filter((list) => list.length > 0).length, unmapped };
}

/** Where an article's file is, relative to the content folder. */
export interface ArticlePath {
  readonly sourcePath: string;
  readonly bundleDir?: string | undefined;
}

type Found<T> = { readonly found: T } | { readonly ambiguous: readonly T[] } | { readonly missing: true };

/**
 * Finds the article a reference names. Hugo names a page by its path in the
 * content folder of the old site ("blog/2020/foo.md", "/blog/2020/foo"),
 * often by its file name alone ("foo"); Jekyll's `post_url` by the post's
 * file name without extension ("2010-07-21-name"), its `link` by its path
 * ("_posts/2010-07-21-name.md"). Tried in turn, the first that finds any
 * article decides: the whole path; the end of a path (the old site's folders
 * above ours, such as "blog/", do not matter); the file name with or without
 * extension and date prefix. Letter case is ignored.
 */
export function articleFinder<T extends ArticlePath>(articles: readonly T[]): (target: string) => Found<T> {
  const byPath = new Map<string, T[]>();
  const byLastSegment = new Map<string, T[]>();
  const byFileName = new Map<string, T[]>();
  const extensions = new Set<string>();
  const add = (map: Map<string, T[]>, key: string, article: T): void => {
    const list = map.get(key) ?? [];
    if (!list.includes(article)) list.push(article);
    map.set(key, list);
  };
  const pathsOf = new Map<T, string[]>();
  for (const article of articles) {
    const { sourcePath, bundleDir } = article;
    const path = sourcePath.toLowerCase();
    const extension = extname(path);
    extensions.add(extension);
    const paths = [path, path.slice(0, path.length - extension.length), ...(bundleDir === undefined ? [] : [bundleDir.toLowerCase()])];
    pathsOf.set(article, paths);
    for (const each of paths) {
      add(byPath, each, article);
      add(byLastSegment, basename(each), article);
    }
    add(byFileName, fileName(bundleDir === undefined ? paths[1] ?? path : bundleDir.toLowerCase()), article);
  }
  return (target) => {
    const wanted = target.toLowerCase().replace(/^(?:\.?\/)+/, "").replace(/\/+$/, "");
    if (wanted === "") return { missing: true };
    const atEndOfPath = (byLastSegment.get(basename(wanted)) ?? []).filter((article) =>
      (pathsOf.get(article) ?? []).some((path) => path.endsWith(`/${wanted}`) || wanted.endsWith(`/${path}`)),
    );
    const extension = extname(wanted);
    const withoutExtension = extensions.has(extension) ? wanted.slice(0, wanted.length - extension.length) : wanted;
    for (const candidates of [byPath.get(wanted) ?? [], atEndOfPath, byFileName.get(fileName(withoutExtension)) ?? []]) {
      const [only, ...others] = candidates;
      if (only !== undefined) return others.length === 0 ? { found: only } : { ambiguous: candidates };
    }
    return { missing: true };
  };
}

/** A path's last part without a date prefix: "_posts/2010-07-21-name" is "name". */
function fileName(pathWithoutExtension: string): string {
  const name = basename(pathWithoutExtension);
  return splitFileNameDate(name)?.rest ?? name;
}

/** An article whose body may name others, and what a link to it needs. */
export interface Linkable extends ArticlePath {
  readonly title: string;
  readonly route: Route;
  readonly html: string;
  readonly references: readonly ArticleReference[];
}

/** What a link to an article needs of it: its path, title and route, not its body. */
type LinkTarget = Omit<Linkable, "html" | "references">;

/** Bodies with their links to other articles in, and how one more body would be linked with the same articles. */
interface LinkedArticles {
  readonly html: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
  readonly unresolved: number;
  /**
   * Links one body with the same articles, as `html` was linked: under `npm
   * start`, for an article edited in what its own page shows. Its problems are not
   * reported (the next load of the whole archive reports them).
   */
  readonly relink: (article: Linkable) => string;
}

/**
 * Puts the links between articles into their bodies, once every article is
 * loaded. A reference that names no article, or several, gets a warning and
 * is shown as text.
 */
export function linkArticles(articles: readonly Linkable[]): LinkedArticles {
  // Found by their paths: relink, kept for a whole npm start session, holds no body. The finder is made when a body
  // first names another article: most archives' bodies name none, and at 100,000 articles its maps took half a second.
  const paths: LinkTarget[] = articles.map(({ html: _html, references: _references, ...path }) => path);
  let finder: ((target: string) => Found<LinkTarget>) | undefined;
  const find = (target: string): Found<LinkTarget> => (finder ??= articleFinder(paths))(target);
  const link = (article: Linkable, diagnostics: Diagnostic[]): string =>
    article.references.length === 0
      ? article.html
      : linkReferences(article.html, article.references, (reference) => {
          const found = find(reference.target);
          if ("found" in found) return { href: `${linkPath(found.found.route)}${reference.fragment}`, title: found.found.title };
          diagnostics.push(unresolvedReferenceWarning(article.sourcePath, reference, "ambiguous" in found ? found.ambiguous : []));
          return undefined;
        });
  const diagnostics: Diagnostic[] = [];
  const html = articles.map((article) => link(article, diagnostics));
  return { html, diagnostics, unresolved: diagnostics.length, relink: (article) => link(article, []) };
}

function unresolvedReferenceWarning(file: string, reference: ArticleReference, candidates: readonly ArticlePath[]): Diagnostic {
  const problem =
    candidates.length > 0
      ? `could name ${candidates.length} articles (${candidates.map((article) => article.sourcePath).join(", ")}); write more of the path, such as "${candidates[0]?.sourcePath ?? ""}"`
      : `names no published article: none is at "${reference.target}" in the content folder or has that file name; correct it, or write the link in Markdown`;
  return warning("unresolved-reference", file, `${shorten(reference.text, SHOWN_CALL_LENGTH)} ${problem}. Its text is shown instead of a link`, reference.line);
}
