// The control that saves the whole archive for offline reading, on the search
// and offline pages. The service worker saves only the shell, the pages read
// and the parts of the search index searches load (and an archive of a couple
// of megabytes on a first visit), so saving everything is the reader's
// choice: the control says how much it downloads, shows progress, can be
// stopped (what is saved stays saved), asks the browser to keep what it
// saves, and says what is saved. It finds the site's root one folder above
// this script, as the other scripts do.
import { saveArchive, type SaveProgress } from "../core/archive-save.browser.ts";
import type { OfflineStatus } from "../core/offline-types.browser.ts";
import { workerInCharge } from "./worker-in-charge.ts";

const script = document.currentScript;
/** What the last save left, by build version: the worker's cache knows the files, not their sizes. */
const KEPT = "news-archive-saved-bytes";

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** What the worker says about this build's archive. */
async function askWorker(): Promise<OfflineStatus | undefined> {
  const worker = await workerInCharge(await navigator.serviceWorker.ready);
  if (worker === undefined) return undefined;
  const channel = new MessageChannel();
  const reply = new Promise<OfflineStatus>((resolve) =>
    channel.port1.addEventListener("message", (event: MessageEvent<OfflineStatus>) => resolve(event.data), { once: true }),
  );
  channel.port1.start();
  worker.postMessage({ type: "offline-status" }, [channel.port2]);
  return reply;
}

/** How much of this build's archive is saved: the files in its cache, their size as the last save counted it. */
async function savedSoFar(status: OfflineStatus): Promise<SaveProgress> {
  const files = (await (await caches.open(status.archiveCache)).keys()).length;
  if (files >= status.archiveFiles) return { files, bytes: status.archiveBytes };
  let kept: unknown;
  try {
    kept = JSON.parse(localStorage.getItem(KEPT) ?? "null");
  } catch {
    kept = null;
  }
  const counted = typeof kept === "object" && kept !== null && Reflect.get(kept, "version") === status.version ? Reflect.get(kept, "bytes") : undefined;
  return { files, bytes: typeof counted === "number" ? counted : Math.round((status.archiveBytes * files) / Math.max(status.archiveFiles, 1)) };
}

function keepBytes(status: OfflineStatus, bytes: number): void {
  try {
    localStorage.setItem(KEPT, JSON.stringify({ version: status.version, bytes }));
  } catch {
    // Without storage the control estimates the size of what is saved.
  }
}

/** The control's parts, or undefined when the page lacks one of them. */
function partsOf(control: HTMLElement): { text: HTMLElement; start: HTMLButtonElement; stop: HTMLButtonElement; progress: HTMLProgressElement } | undefined {
  const [text, start, stop, progress] = [".archive-save-status", ".archive-save-start", ".archive-save-stop", "progress"].map((selector) =>
    control.querySelector(selector),
  );
  return text instanceof HTMLElement && start instanceof HTMLButtonElement && stop instanceof HTMLButtonElement && progress instanceof HTMLProgressElement
    ? { text, start, stop, progress }
    : undefined;
}

function setUp(control: HTMLElement, status: OfflineStatus, root: URL): void {
  const parts = partsOf(control);
  if (parts === undefined) return;
  const { text, start, stop, progress } = parts;
  let persistent = false;
  let stopping: AbortController | undefined;
  const show = (saved: SaveProgress, saving: boolean): void => {
    const done = saved.files >= status.archiveFiles;
    text.textContent = saving
      ? `Saving the archive: ${saved.files} of ${status.archiveFiles} files, ${megabytes(saved.bytes)} of ${megabytes(status.archiveBytes)}. Keep this page open.`
      : done
        ? `The whole archive is saved on this device (${status.archiveFiles} files, ${megabytes(status.archiveBytes)}): you can read and search it offline.${persistent ? "" : " The browser may remove it if the device runs short of space."}`
        : saved.files > 0
          ? `${saved.files} of the archive's ${status.archiveFiles} files (${megabytes(saved.bytes)}) are saved on this device, besides the pages you opened.`
          : "This device keeps the pages you open and what your searches loaded. Saving the whole archive lets you read and search all of it offline.";
    start.textContent =
      saved.files > 0
        ? `Save the rest (${megabytes(Math.max(status.archiveBytes - saved.bytes, 0))})`
        : `Save the whole archive (${megabytes(status.archiveBytes)})`;
    // Offline, saving would fail at once: the control waits for the connection.
    if (!saving && !done && !navigator.onLine)
      text.textContent = `${text.textContent ?? ""} Connect to the internet to save the ${saved.files > 0 ? "rest of the " : "whole "}archive.`;
    start.hidden = saving || done || !navigator.onLine;
    stop.hidden = !saving;
    progress.hidden = !saving;
    progress.max = status.archiveBytes;
    progress.value = saved.bytes;
  };
  const refresh = async (): Promise<void> => {
    persistent = (await navigator.storage?.persisted?.().catch(() => false)) ?? false;
    if (stopping === undefined) show(await savedSoFar(status), false);
  };
  start.addEventListener("click", async () => {
    const signal = (stopping = new AbortController()).signal;
    persistent = (await navigator.storage?.persist?.().catch(() => false)) ?? false;
    try {
      const cache = await caches.open(status.archiveCache);
      const onProgress = (saved: SaveProgress): void => {
        keepBytes(status, saved.bytes);
        show(saved, true);
      };
      show(
        await saveArchive({
          list: new URL(status.archiveList, root),
          version: status.version,
          cache,
          fetchFile: (url, abort) => fetch(url, { signal: abort, cache: "no-cache" }),
          onProgress,
          signal,
        }),
        false,
      );
    } catch {
      show(await savedSoFar(status), false);
      text.textContent = `The archive could not be saved: check your connection and try again. ${text.textContent ?? ""}`;
    }
    stopping = undefined;
  });
  stop.addEventListener("click", () => stopping?.abort());
  // The worker says when it saved a small archive on its own.
  navigator.serviceWorker.addEventListener("message", (event: MessageEvent<unknown>) => {
    if (typeof event.data === "object" && event.data !== null && Reflect.get(event.data, "type") === "archive-saved") void refresh();
  });
  for (const change of ["online", "offline"]) window.addEventListener(change, () => void refresh());
  void refresh().then(() => (control.hidden = false));
}

const control = document.getElementById("archive-save");
if ("serviceWorker" in navigator && "caches" in window && control !== null && script instanceof HTMLScriptElement && location.protocol !== "file:") {
  const root = new URL("../", script.src);
  void askWorker()
    .then((status) => (status === undefined ? undefined : setUp(control, status, root)))
    .catch((cause: unknown) => console.warn("The archive cannot be saved for offline reading here:", cause));
}
