// The pages talk to the service worker by messages. While a new build's
// worker installs or waits to take over, a message must not go to the old
// worker: Chromium stops the old worker to hand over to a new one that called
// skipWaiting, and a message reaching it just then starts it again, after
// which the new worker stays waiting until Chromium's five-minute limit or
// until every page of the site is closed. The old worker's answers would be
// of the earlier build too (its archive, its version). So a page waits for
// the newest worker to be active and talks to that one.

/**
 * The registration's newest worker once it is active, or undefined when the
 * registration has none left (every new worker failed to install).
 */
export async function workerInCharge(registration: ServiceWorkerRegistration): Promise<ServiceWorker | undefined> {
  for (;;) {
    const newest = registration.installing ?? registration.waiting ?? registration.active;
    if (newest === null || newest.state === "redundant") return undefined;
    if (newest.state === "activated") return newest;
    // A worker that fails to install becomes redundant: the loop then looks at what the registration has left.
    await new Promise<void>((resolve) => newest.addEventListener("statechange", () => resolve(), { once: true }));
  }
}
