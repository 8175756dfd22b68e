/** The lane type dialog: what kind of row a lane is. */
export { LaneKindDialog } from './LaneKindDialog';
