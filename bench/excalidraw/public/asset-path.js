// Excalidraw loads its fonts from window.EXCALIDRAW_ASSET_PATH (by default a CDN, esm.sh). The
// bench copies the package's own fonts/ next to the built page, so the page needs no network and
// draws with the real Excalifont, as a self-hosted Excalidraw does. A classic script (the CSP
// allows no inline one) from public/, so it runs before the bundle, which reads the path when it
// loads.
window.EXCALIDRAW_ASSET_PATH = '/';
