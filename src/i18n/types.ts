import type { en } from './en';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The shape every language must fill: English's keys, any strings. */
export type Messages = Widen<typeof en>;
