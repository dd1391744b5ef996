// Works offline after the first visit: the built app registers its service worker (scripts/serviceWorker.ts
// writes it into the build), which precaches the app, the models and the MNIST files. Not in development.
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !("serviceWorker" in navigator)) return;
  // Relative to the page, so a build deployed under any folder caches that folder.
  navigator.serviceWorker.register("sw.js").catch((err: unknown) => {
    console.warn(`This page will not work offline: ${err instanceof Error ? err.message : String(err)}`);
  });
}
