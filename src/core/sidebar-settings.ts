import { z } from "zod";

const boxCount = z.number().int().min(1).max(50).default(5).meta({ description: "How many articles the box lists (1 to 50)." });

/**
 * A sidebar box: the featured articles ("Focus on"), the latest articles of a
 * category, or a category's upcoming ones (events dated on the day they
 * happen, listed from the build's date on, soonest first); or one drawn from
 * the archive itself: the newest article of each section, the articles of
 * this day in past years, the build's year by month.
 */
export const sidebarBox = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("featured"), title: z.string().trim().min(1).default("Focus on"), count: boxCount }),
  z.strictObject({ type: z.literal("latest"), category: z.string().trim().min(1), title: z.string().trim().min(1).optional(), count: boxCount }),
  z.strictObject({ type: z.literal("upcoming"), category: z.string().trim().min(1), title: z.string().trim().min(1).optional(), count: boxCount }),
  z.strictObject({ type: z.literal("sections"), title: z.string().trim().min(1).default("Latest by section"), count: boxCount }),
  z.strictObject({ type: z.literal("this-day"), title: z.string().trim().min(1).optional(), count: boxCount }),
  z.strictObject({ type: z.literal("year"), title: z.string().trim().min(1).optional() }),
]);

export type SidebarBoxSetting = z.output<typeof sidebarBox>;
