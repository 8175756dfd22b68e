/**
 * English strings, one file per area of the app so each area owns its texts.
 * German (../de) must have the same keys; a test checks that.
 */
import { app } from './app';
import { cli } from './cli';

export const en = { app, cli };
