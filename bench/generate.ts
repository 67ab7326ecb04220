import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * A deterministic synthetic archive: N articles of 300-800 words with
 * headings, lists, links and now and then a table, dated over 25 years, in 6
 * categories with tags. The same N and seed always give the same files.
 */
const WORDS = (
  "procurement green criteria tender council supplier energy circular food vehicles report members network training " +
  "public buyers contract award life-cycle costs eco-label emissions recycled timber canteen school hospital bus fleet " +
  "municipality region ministry guidance survey results pilot market dialogue innovation reuse repair textiles paper"
).split(" ");
const CATEGORIES = ["News", "Events", "Reports", "Training", "Policy", "Members"];
const TAGS = ["energy", "food", "construction", "vehicles", "textiles", "ict", "circular-economy", "eco-labels", "policy", "members"];

export function createRandom(seed: number): () => number {
  let state = seed % 2147483647 || 1;
  return () => {
    state = (state * 16807) % 2147483647;
    return (state - 1) / 2147483646;
  };
}

export async function generateArchive(dir: string, count: number, seed = 42): Promise<void> {
  const random = createRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const sentence = (length: number): string => {
    const words = Array.from({ length }, () => pick(WORDS));
    const text = words.join(" ");
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const paragraph = (): string => Array.from({ length: 3 + Math.floor(random() * 4) }, () => sentence(8 + Math.floor(random() * 10))).join(" ");
  for (let index = 0; index < count; index += 1) {
    const year = 2001 + Math.floor(random() * 25);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const date = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    const targetWords = 300 + Math.floor(random() * 500);
    const parts: string[] = [paragraph()];
    let words = parts[0]?.split(" ").length ?? 0;
    while (words < targetWords) {
      const kind = random();
      let part: string;
      if (kind < 0.15) part = `## ${sentence(4).slice(0, -1)}`;
      else if (kind < 0.3) part = Array.from({ length: 3 + Math.floor(random() * 3) }, () => `- ${sentence(6)}`).join("\n");
      else if (kind < 0.36)
        part = `| Year | Tenders | Share |\n| --- | --- | --- |\n${Array.from({ length: 4 }, (_, row) => `| ${year - row} | ${Math.floor(random() * 500)} | ${Math.floor(random() * 100)}% |`).join("\n")}`;
      else part = `${paragraph()} See [the ${pick(WORDS)} page](https://example.org/${pick(WORDS)}/${index}).`;
      parts.push(part);
      words += part.split(/\s+/).length;
    }
    const tags = [...new Set([pick(TAGS), pick(TAGS)])];
    const front = [
      `title: "${sentence(5).slice(0, -1)} ${index}"`,
      `date: ${date}`,
      `category: ${pick(CATEGORIES)}`,
      `tags: [${tags.join(", ")}]`,
      `summary: "${sentence(12)}"`,
    ];
    if (random() < 0.02) front.push("featured: true");
    const folder = join(dir, String(year));
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, `article-${index}.md`), `---\n${front.join("\n")}\n---\n\n${parts.join("\n\n")}\n`);
  }
}
