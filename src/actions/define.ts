import type { Action, ActionDefinition, LabelledActionId } from './types';

/**
 * A group module's actions, each given the label key its id implies. The ids are kept as literal
 * types, so the registry can name every id (`ActionId`) and a typo anywhere is a compile error.
 */
export function defineActions<const Id extends LabelledActionId>(definitions: readonly ActionDefinition<Id>[]): readonly Action<Id>[] {
  return definitions.map((definition) => ({ ...definition, labelKey: `actions.${definition.id}` as const }));
}

/** `enabled` of an action that can run whenever a map is open. */
export const always = (): boolean => true;
