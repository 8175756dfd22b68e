import { convertToExcalidrawElements, Excalidraw } from '@excalidraw/excalidraw';
import '@excalidraw/excalidraw/index.css';
import { createRoot } from 'react-dom/client';
import { readScene } from './scene';

/**
 * A bare Excalidraw for the canvas bench (bench/canvas.bench.ts): the scene comes from the page's
 * IndexedDB; the bench drives it through `window.__excalidraw` (the imperative API) and turns
 * element skeletons into full elements once per size with `window.__convert`.
 */
type Skeletons = Parameters<typeof convertToExcalidrawElements>[0];
const w = window as unknown as {
  __excalidraw: unknown;
  __convert: (skeletons: Skeletons) => unknown[];
};
w.__convert = (skeletons) => convertToExcalidrawElements(skeletons, { regenerateIds: false });

/** where Waymark's canvas opens (its defaultViewport { x: 16, y: 12, zoom: 1 }), so both show the same cards */
const START_VIEW = { zoom: { value: 1 as never }, scrollX: 16, scrollY: 12 };

createRoot(document.getElementById('root')!).render(
  <Excalidraw
    initialData={readScene().then((elements) => ({ elements: elements as never, appState: START_VIEW }))}
    excalidrawAPI={(api) => {
      w.__excalidraw = api;
    }}
  />,
);
