/**
 * Excalidraw loads its fonts from `window.EXCALIDRAW_ASSET_PATH` (by default a CDN). The bench
 * copies the package's own `fonts/` next to the built page and points it here, so the page works
 * with no network at all and loads the real Excalifont, as a self-hosted Excalidraw does. Imported
 * first by main.tsx (the page's CSP allows no inline script).
 */
(window as unknown as { EXCALIDRAW_ASSET_PATH: string }).EXCALIDRAW_ASSET_PATH = '/';
