import { z } from "zod";
import { slugify } from "./slugs.ts";

/** A category as the settings describe it: the name articles use, its slug, a description, and the category it is part of. */
export const categorySetting = z.strictObject({
  name: z.string().trim().min(1, "a category needs a name").meta({ description: 'The category as authors write it in front matter, e.g. "Events".' }),
  slug: z.string().trim().min(1).optional().meta({ description: "Its URL segment; defaults to the slug of the name." }),
  description: z.string().optional().meta({ description: "A sentence shown on the category's page." }),
  parent: z
    .string()
    .trim()
    .min(1)
    .optional()
    .meta({ description: "The category this one is part of (its name or slug, another entry of this list): the parent's pages list this one's articles too." }),
});

export interface CategorySetting {
  readonly name: string;
  readonly slug: string;
  readonly description?: string;
  /** The slug of the category this one is part of. */
  readonly parent?: string;
}

/** The categories' slugs, and each parent as the slug of another entry; a missing parent or a circle is an error. */
export function readCategories(written: readonly z.output<typeof categorySetting>[], where: string, errors: string[]): CategorySetting[] {
  const categories = written.map((category) => {
    const slug = slugify(category.slug ?? category.name);
    return { name: category.name, slug, ...(category.description === undefined ? {} : { description: category.description }) };
  });
  categories.forEach((category, index) => {
    if (category.slug === "") errors.push(`${where}: categories[${index}] "${category.name}" has no letters or digits to make a slug; give it a "slug"`);
    const twin = categories.findIndex((other) => other.slug === category.slug);
    if (twin !== index && category.slug !== "") {
      errors.push(`${where}: categories[${twin}] and categories[${index}] share the slug "${category.slug}"; give one of them another slug`);
    }
  });
  const slugOf = (name: string): string | undefined =>
    categories.find((category) => category.name === name || category.slug === name || category.slug === slugify(name))?.slug;
  const withParents: CategorySetting[] = categories.map((category, index) => {
    const parentName = written[index]?.parent;
    if (parentName === undefined) return category;
    const parent = slugOf(parentName);
    if (parent === undefined)
      errors.push(`${where}: categories[${index}] "${category.name}" names the parent "${parentName}", which is not in "categories"; add it there`);
    return parent === undefined ? category : { ...category, parent };
  });
  for (const category of withParents) {
    const seen = new Set([category.slug]);
    for (let parent = category.parent; parent !== undefined; parent = withParents.find((other) => other.slug === parent)?.parent) {
      if (seen.has(parent)) {
        errors.push(`${where}: the category "${category.name}" is its own parent, through "parent"; break the circle`);
        break;
      }
      seen.add(parent);
    }
  }
  return withParents;
}
