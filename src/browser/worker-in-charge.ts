// The pages talk to the service worker by messages. While a new build's
// worker installs or waits to take over, a message must not go to the old
// worker: Chromium stops the old worker to hand over to a new one that called
// skipWaiting, and a message reaching it just then starts it again, after
// which the new worker stays waiting until Chromium's five-minute limit or
// until no page of the site is open. The old worker's answers would be
// of the earlier build too (its archive, its version). So a page waits for
// the newest worker to be active and talks to that one.

/**
 * The registration's newest worker once it is active, or undefined when the
 * registration has none left.
 */
export async function workerInCharge(registration: ServiceWorkerRegistration): Promise<ServiceWorker | undefined> {
  for (;;) {
    // A worker that failed to install, or that a newer one replaced, is redundant before the registration lets it go: the next one is in charge.
    const newest = [registration.installing, registration.waiting, registration.active].find(
      (worker): worker is ServiceWorker => worker !== null && worker.state !== "redundant",
    );
    if (newest === undefined) return undefined;
    if (newest.state === "activated") return newest;
    await new Promise<void>((resolve) => newest.addEventListener("statechange", () => resolve(), { once: true }));
  }
}
