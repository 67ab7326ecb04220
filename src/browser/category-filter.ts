// On year, month and day pages and the archive's grid: lets the reader leave
// out categories (the release notes that drown a year of news, say). The
// page prints every article and its counts; this script shows the form the
// page carries hidden, hides the rows of the categories left out, and counts
// again what the page counts: each month of a year, the year, each month and
// year of the grid (shaded as its legend says). The choice is kept in the
// browser for the site's other pages. No server, and a page without the
// script stays whole.

const form = document.querySelector<HTMLFormElement>("form[data-category-filter]");
if (form !== null) setUp(form);

function setUp(form: HTMLFormElement): void {
  const key = form.dataset["categoryFilter"] ?? "";
  const boxes = [...form.querySelectorAll<HTMLInputElement>("input[type=checkbox]")];
  const status = form.querySelector("[role=status]");
  const numbers = new Intl.NumberFormat(document.documentElement.lang || undefined);
  const articles = (count: number): string => `${numbers.format(count)} article${count === 1 ? "" : "s"}`;
  let hidden = new Set<string>();
  try {
    hidden = new Set(JSON.parse(localStorage.getItem(key) ?? "[]") as string[]);
  } catch {
    // No storage (a private window, a page opened from disk): the choice lasts as long as the page.
  }

  const apply = (): void => {
    for (const box of boxes) box.checked = !hidden.has(box.value);
    const shownIn = new Map<string, number>();
    const add = (id: string, count: number): void => {
      shownIn.set(id, (shownIn.get(id) ?? 0) + count);
    };
    let all = 0;
    const rows = document.querySelectorAll<HTMLElement>("main [data-category]");
    for (const row of rows) {
      row.hidden = hidden.has(row.dataset["category"] ?? "");
      all += 1;
      if (!row.hidden) add(row.closest("section[id]")?.id ?? "", 1);
    }
    let gridAll = 0;
    for (const table of document.querySelectorAll<HTMLElement>("main table[data-levels]")) {
      const maxes = (table.dataset["levels"] ?? "").split(" ").map(Number);
      for (const row of table.querySelectorAll("tbody tr")) {
        let total = 0;
        for (const cell of row.querySelectorAll<HTMLElement>("td[data-counts]")) {
          let count = 0;
          for (const pair of (cell.dataset["counts"] ?? "").split(" ")) {
            const [slug = "", value = "0"] = pair.split(":");
            gridAll += Number(value);
            if (!hidden.has(slug)) count += Number(value);
          }
          total += count;
          const link = cell.querySelector("a");
          if (link !== null) {
            link.textContent = numbers.format(count);
            link.setAttribute("aria-label", (link.getAttribute("aria-label") ?? "").replace(/: .*$/, `: ${articles(count)}`));
            link.hidden = count === 0;
          }
          const level = count === 0 ? 0 : maxes.findIndex((max) => count <= max) + 1 || maxes.length;
          cell.className = cell.className.replace(/grid-level-\d+/, `grid-level-${level}`);
        }
        const totalCell = row.querySelector(".grid-total");
        if (totalCell !== null) totalCell.textContent = numbers.format(total);
        if (rows.length === 0) add("", total);
      }
    }
    if (rows.length === 0) all = gridAll;
    // What the page counts: by a section's id, or the whole page ("").
    for (const element of document.querySelectorAll<HTMLElement>("[data-count-of], [data-articles-of]")) {
      const id = element.dataset["countOf"] ?? element.dataset["articlesOf"] ?? "";
      const count = id === "" ? [...shownIn.values()].reduce((sum, value) => sum + value, 0) : (shownIn.get(id) ?? 0);
      element.textContent = element.dataset["countOf"] === undefined ? articles(count) : numbers.format(count);
      if (id !== "") (element.closest("section, li") as HTMLElement).hidden = count === 0;
    }
    const shown = [...shownIn.values()].reduce((sum, value) => sum + value, 0);
    if (status !== null) status.textContent = shown === all ? "" : `Showing ${articles(shown)} of ${numbers.format(all)}.`;
  };

  form.addEventListener("change", () => {
    for (const box of boxes) {
      if (box.checked) hidden.delete(box.value);
      else hidden.add(box.value);
    }
    try {
      localStorage.setItem(key, JSON.stringify([...hidden]));
    } catch {
      // Kept for this page only.
    }
    apply();
  });
  form.hidden = false;
  apply();
  // A page that opens with categories left out says which.
  const details = form.querySelector("details");
  if (details !== null && boxes.some((box) => !box.checked)) details.open = true;
}
