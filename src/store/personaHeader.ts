import { create } from 'zustand';
import { deviceStorage } from '../storage/deviceKeys';

/**
 * Whether the canvas shows the persona header is a choice about this device's screen (on a
 * laptop the band costs room the stages need), so it is remembered here, not in the map, and
 * not per map: someone who hid it wants it hidden on the next map too.
 */
const HIDDEN_KEY = 'waymark.personaHeaderHidden';

interface PersonaHeaderState {
  hidden: boolean;
  /**
   * A persona the Personas panel should open (a click on its card in the header); the panel
   * opens it and clears the request.
   */
  openRequest: string | null;
}

function readHidden(): boolean {
  try {
    return deviceStorage()?.getItem(HIDDEN_KEY) === '1';
  } catch {
    // storage refused: the header shows, as by default
    return false;
  }
}

export const usePersonaHeader = create<PersonaHeaderState>()(() => ({ hidden: readHidden(), openRequest: null }));

export function setPersonaHeaderHidden(hidden: boolean): void {
  usePersonaHeader.setState({ hidden });
  try {
    if (hidden) deviceStorage()?.setItem(HIDDEN_KEY, '1');
    else deviceStorage()?.removeItem(HIDDEN_KEY);
  } catch {
    // not remembered, but hidden for this visit
  }
}

export function togglePersonaHeader(): void {
  setPersonaHeaderHidden(!usePersonaHeader.getState().hidden);
}

export function requestOpenPersona(id: string | null): void {
  usePersonaHeader.setState({ openRequest: id });
}
