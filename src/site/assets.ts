/** Where the theme's files are published, from the site's root. */
export const THEME_FILES = {
  stylesheet: "assets/style.css",
  searchScript: "assets/search.js",
  highlightScript: "assets/highlight.js",
} as const;
