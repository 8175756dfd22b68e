import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Everything the server can be told, from the environment, with defaults that work as they are. */
export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  staticDir: string;
  logLevel: string;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const ENV_DEFAULTS = {
  PORT: '8080',
  HOST: '0.0.0.0',
  DATA_DIR: './data',
  STATIC_DIR: './dist',
  LOG_LEVEL: 'info',
} as const;

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const get = (key: keyof typeof ENV_DEFAULTS) => env[key]?.trim() || ENV_DEFAULTS[key];
  const port = Number(get('PORT'));
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, got "${env.PORT}"`);
  }
  return {
    port,
    host: get('HOST'),
    dataDir: path.resolve(root, get('DATA_DIR')),
    staticDir: path.resolve(root, get('STATIC_DIR')),
    logLevel: get('LOG_LEVEL'),
  };
}
