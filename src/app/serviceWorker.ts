/**
 * Registers the service worker that vite-plugin-pwa builds (sw.js: Workbox precaches every file
 * of the build, the on-demand chunks included, so the app opens offline after one visit).
 * Called once the first screen has painted and the on-demand parts are fetched, not at the
 * page's load event: on a first visit its precache download would otherwise compete with the
 * map being fetched and drawn. A dev server has no service worker.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((error: unknown) => {
    console.warn('The service worker could not be registered; the app will not open offline', error);
  });
}
