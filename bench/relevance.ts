// The pure part of `npm run bench:search`: the query set's format, and the
// measures of a ranking (hits@k, reciprocal rank, agreement of two engines).
import { readFile } from "node:fs/promises";
import { z } from "zod";

const answer = z.strictObject({
  /** Relative to the corpus's content folder. */
  path: z.string().min(1),
  title: z.string().min(1),
});

const query = z.strictObject({
  query: z.string().trim().min(1),
  kind: z.enum(["known-item", "topical"]),
  /** A version or number query ("node 18", "v22.1.0", "kubernetes 1.30"). */
  number: z.boolean(),
  answers: z.array(answer).min(1),
  note: z.string().optional(),
});

const querySet = z.strictObject({
  about: z.string(),
  corpora: z.record(z.string(), z.strictObject({ queries: z.array(query).min(1) })),
});

export type RelevanceQuery = z.output<typeof query>;
export type QuerySet = z.output<typeof querySet>;

/** Reads and checks a query set; a mistake names the file and the place in it. */
export async function readQuerySet(file: string): Promise<QuerySet> {
  const parsed = querySet.safeParse(JSON.parse(await readFile(file, "utf8")));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
  return parsed.data;
}

/** The 1-based rank of the first acceptable answer among the results, or undefined when none is there. */
export function firstAnswerRank(results: readonly string[], answers: ReadonlySet<string>): number | undefined {
  const index = results.findIndex((result) => answers.has(result));
  return index === -1 ? undefined : index + 1;
}

/** What one engine returned for one query, and where the first answer came. */
export interface QueryOutcome {
  readonly query: RelevanceQuery;
  /** The first results, best first, as paths of written pages. */
  readonly results: readonly string[];
  /** Their titles, for the report. */
  readonly titles: readonly string[];
  readonly found: number;
  readonly rank: number | undefined;
}

export interface RankingScores {
  readonly queries: number;
  readonly hitsAt1: number;
  readonly hitsAt3: number;
  /** Mean reciprocal rank of the first answer within the first ten results. */
  readonly mrrAt10: number;
}

/** hits@1, hits@3 and MRR@10 over the outcomes. */
export function scoreRanking(outcomes: readonly QueryOutcome[]): RankingScores {
  const share = (count: number): number => (outcomes.length === 0 ? 0 : count / outcomes.length);
  const ranks = outcomes.map((outcome) => outcome.rank);
  return {
    queries: outcomes.length,
    hitsAt1: share(ranks.filter((rank) => rank === 1).length),
    hitsAt3: share(ranks.filter((rank) => rank !== undefined && rank <= 3).length),
    mrrAt10: share(ranks.reduce((sum: number, rank) => sum + (rank !== undefined && rank <= 10 ? 1 / rank : 0), 0)),
  };
}

export interface Agreement {
  /** Mean share of the first `depth` results the two engines have in common (1 when both find nothing). */
  readonly overlap: number;
  /** Share of queries whose first `depth` results are the same articles, in any order. */
  readonly identical: number;
}

/** How far two engines agree on the first `depth` results of the same queries (given in the same order). */
export function agreement(first: readonly (readonly string[])[], second: readonly (readonly string[])[], depth: number): Agreement {
  if (first.length !== second.length) throw new Error(`agreement needs the same queries: ${first.length} and ${second.length} result lists`);
  if (first.length === 0) return { overlap: 1, identical: 1 };
  let overlap = 0;
  let identical = 0;
  for (const [index, results] of first.entries()) {
    const a = new Set(results.slice(0, depth));
    const b = new Set((second[index] ?? []).slice(0, depth));
    const common = [...a].filter((result) => b.has(result)).length;
    const larger = Math.max(a.size, b.size);
    overlap += larger === 0 ? 1 : common / larger;
    if (common === a.size && common === b.size) identical += 1;
  }
  return { overlap: overlap / first.length, identical: identical / first.length };
}
