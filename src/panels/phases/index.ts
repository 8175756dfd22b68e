/** The phase manager: rename, recolour, reorder, add and delete a map's phases. */
export { PhaseManager } from './PhaseManager';
