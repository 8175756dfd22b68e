#!/usr/bin/env node
// The `waymark` command. It runs the TypeScript sources directly through tsx, so the CLI works
// straight after `npm ci`, with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/node.ts');
