import type { TFunction } from 'i18next';
import { SUPPORTED_LOCALES } from '../model/types';
import { guestWords, loadIdentity, saveIdentity, withoutFormerGuestName, type DeviceIdentity, type Identity } from '../sync/identity';

/**
 * This device's identity as the app shows it: a guest's name made from the identity id until the
 * person chooses one. One module, because the editor and the space hub (src/app/spaceHub.ts) both
 * connect as the same person.
 */

/** A guest's name until they choose one: "Calm Otter", made from the identity id (`guestWords`). */
export function guestName(t: TFunction, id: string, lng?: string): string {
  const { adjective, animal } = guestWords(id);
  const word = (key: 'sharing.guestAdjectives' | 'sharing.guestAnimals', i: number) => (lng ? t(key, { lng }) : t(key)).split(' ')[i];
  const values = { adjective: word('sharing.guestAdjectives', adjective), animal: word('sharing.guestAnimals', animal) };
  return lng ? t('sharing.guestName', { ...values, lng }) : t('sharing.guestName', values);
}

/** Whether someone is still called by the guest name they were given (in any language): they never chose one. */
export function hasGuestName(t: TFunction, identity: Identity): boolean {
  return SUPPORTED_LOCALES.some((lng) => guestName(t, identity.id, lng) === identity.name);
}

/** This device's identity; one still called "Guest 42" from before gets a name of its own. */
export function deviceIdentityFor(t: TFunction): DeviceIdentity {
  const name = (id: string) => guestName(t, id);
  const loaded = loadIdentity(name);
  const renamed = withoutFormerGuestName(loaded, name);
  if (renamed !== loaded) saveIdentity(renamed);
  return renamed;
}
