/** Customer evidence on a card and a card's confidence: the inspector section, the canvas mark, the "show assumptions" filter, the stage indicator. */
export const evidence = {} as const;
