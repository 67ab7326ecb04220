// Installs the service worker that saves the site's shell, the pages a reader
// opens and the parts of the search index searches load, so they stay
// readable with the network gone. The worker sits at the site's root, one
// folder above this script. It saves an archive of a couple of megabytes
// whole when asked, which this script does unless the browser reports a
// connection to spare (Save-Data, cellular, metered); archive.ts lets the
// reader save a larger one.
import { workerInCharge } from "./worker-in-charge.ts";

const script = document.currentScript;

function connectionIsSparing(): boolean {
  const connection: unknown = Reflect.get(navigator, "connection");
  if (typeof connection !== "object" || connection === null) return false;
  return Reflect.get(connection, "saveData") === true || Reflect.get(connection, "type") === "cellular" || Reflect.get(connection, "metered") === true;
}

if ("serviceWorker" in navigator && script instanceof HTMLScriptElement && location.protocol !== "file:") {
  const root = new URL("../", script.src);
  window.addEventListener("load", () => {
    navigator.serviceWorker
      .register(new URL("sw.js", root), { scope: root.pathname, updateViaCache: "none" })
      .then(async (registration) => {
        if (connectionIsSparing()) return;
        const askToSave = async (): Promise<void> => (await workerInCharge(registration))?.postMessage({ type: "save-small-archive" });
        // register() resolves at once when the script's address is unchanged, before the browser's own
        // update check finds a new build's worker; that worker claims this page once active and is asked
        // for its own build's archive. (A first visit's worker claims the page too and is asked twice:
        // it goes on with the save it started, or finds the archive saved.)
        navigator.serviceWorker.addEventListener("controllerchange", () => void askToSave());
        await askToSave();
      })
      .catch((cause: unknown) => console.warn("This site could not be saved for offline reading:", cause));
  });
}
