/** The evidence inbox: feedback imported from CSV or pasted, waiting to be assigned to cards, with suggestions. */
export const inbox = {} as const;
