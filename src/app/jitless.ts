import * as z from 'zod';

/**
 * The server's Content-Security-Policy allows no eval (server/headers.ts). Zod 4 compiles object
 * parsers with `new Function` where it can, and finds out whether it can by trying once: the
 * attempt is caught, but the browser still reports it as a CSP violation. Without the JIT zod
 * parses exactly the same, a little slower. Imported first by main.tsx, so that it is set before
 * any schema parses.
 */
z.config({ jitless: true });
