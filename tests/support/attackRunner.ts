import { setMaxListeners } from 'node:events';
import { ATTACKS, type AttackName, type Figures } from './attacks';

/**
 * Runs attacks (attacks.ts) by name for a parent process (attackProbes.ts `AttackRunner`), so an
 * attack's work does not stall the process that measures the relay meanwhile.
 *
 * In: `{ id, name, args }` to run one, `{ id, stop: true }` to stop it early. Out: `{ id, result }`
 * or `{ id, error }`. The process leaves when its parent disconnects.
 */

type Request = { id: number; name?: AttackName; args?: Record<string, unknown>; stop?: boolean };

// stock providers each add an 'exit' listener; the workshop attack opens a dozen
process.setMaxListeners(0);

const running = new Map<number, AbortController>();

process.on('message', (message: Request) => {
  if (message.stop) {
    running.get(message.id)?.abort();
    return;
  }
  const attack = message.name ? (ATTACKS[message.name] as (args: Record<string, unknown>) => Promise<Figures>) : undefined;
  if (!attack) {
    process.send!({ id: message.id, error: `no attack called ${String(message.name)}` });
    return;
  }
  const controller = new AbortController();
  // every connection of a flood sleeps on it
  setMaxListeners(0, controller.signal);
  running.set(message.id, controller);
  attack({ ...message.args, signal: controller.signal }).then(
    (result) => {
      running.delete(message.id);
      process.send!({ id: message.id, result });
    },
    (error: unknown) => {
      running.delete(message.id);
      process.send!({ id: message.id, error: (error as Error).stack ?? String(error) });
    },
  );
});

process.on('disconnect', () => process.exit(0));
process.send!({ ready: true });
// an attack's stray socket error must not take the runner down with the figures it holds
process.on('uncaughtException', (error) => console.error(`attack runner: ${error.message}`));
process.on('unhandledRejection', (error) => console.error(`attack runner: ${(error as Error)?.message ?? String(error)}`));
