import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

let collect: (() => void) | undefined;

/**
 * Collects this thread's garbage now, whole. V8 collects when it judges it
 * best, and between two render passes it judges wrong: each pass is an
 * Eleventy run that holds tens of kilobytes a page until it ends, and V8
 * grew a render worker's heap with the dead runs rather than collect them (at
 * 100,000 articles 1.1 GB for passes that need 150 MB; at 30,000 articles the
 * build peaked at 3.1 GB, 1.7 GB with a collection before each pass). V8's
 * own function for it is exposed by its flag, which Node.js passes on at run
 * time; the contexts made after that have it (so do threads started after).
 */
export function collectGarbage(): void {
  if (collect === undefined) {
    setFlagsFromString("--expose-gc");
    collect = runInNewContext("gc") as () => void;
  }
  collect();
}
