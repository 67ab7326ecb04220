// Installs the service worker that saves the site's shell, the pages a reader
// opens and the search index, so they stay readable with the network gone.
// The worker sits at the site's root, one folder above this script.
const script = document.currentScript;

if ("serviceWorker" in navigator && script instanceof HTMLScriptElement && location.protocol !== "file:") {
  const root = new URL("../", script.src);
  window.addEventListener("load", () => {
    navigator.serviceWorker.register(new URL("sw.js", root), { scope: root.pathname, updateViaCache: "none" }).catch((cause: unknown) => {
      console.warn("This site could not be saved for offline reading:", cause);
    });
  });
}
