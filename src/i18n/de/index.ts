import type { Messages } from '../types';
import { app } from './app';
import { cli } from './cli';

export const de: Messages = { app, cli };
