import { defaultPhase, isDefaultPhaseId } from '../model/phases';
import { DEFAULT_PHASE_IDS } from '../model/types';

/**
 * MIGRATIONS[1]: a version 1 file's phases, `[{ id, name }]` for some of the three defaults,
 * become version 2's full list — all three defaults, each with its colour and place and the
 * name the file gave it (empty, so shown in the reader's language, when it gave none).
 * Anything that is not a version 1 shape is left for the schema to report.
 */
export function migrateV1ToV2(file: Record<string, unknown>): Record<string, unknown> {
  const journey = file.journey;
  if (typeof journey !== 'object' || journey === null || Array.isArray(journey)) return file;
  const old = (journey as Record<string, unknown>).phases ?? [];
  if (!Array.isArray(old)) return file;
  const names = new Map<string, unknown>();
  const others: unknown[] = [];
  for (const phase of old) {
    const id = typeof phase === 'object' && phase !== null ? (phase as Record<string, unknown>).id : undefined;
    if (typeof id === 'string' && isDefaultPhaseId(id) && !names.has(id)) names.set(id, (phase as Record<string, unknown>).name);
    else others.push(phase);
  }
  const phases = [
    ...DEFAULT_PHASE_IDS.map((id) => ({ ...defaultPhase(id), ...(names.has(id) ? { name: names.get(id) } : {}) })),
    // not a version 1 phase: kept as it was, so the schema names it
    ...others,
  ];
  return { ...file, journey: { ...journey, phases } };
}
