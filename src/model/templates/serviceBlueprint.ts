import type { Localized, TemplateCard } from './types';

/*
 * The car service's blueprint rows above and below its backstage lane: what the driver holds
 * and sees (physical evidence), who serves them in sight (frontstage) and the systems and
 * partners behind the workshop (support). Each card serves one of the driver's cards in its stage.
 */

const ADVISOR: Localized = { en: 'Service advisor', de: 'Serviceberatung' };
// short enough for the actor chip on a card; the card's body names the system in full
const DMS: Localized = { en: 'DMS', de: 'DMS' };

export const serviceBlueprintCards: TemplateCard[] = [
  // ---------- Problem occurs ----------
  {
    key: 'problem-evidence',
    stage: 'problem',
    lane: 'evidence',
    title: { en: 'Warning light and service reminder letter', de: 'Warnleuchte und Erinnerungsschreiben' },
    serves: 'problem-act',
  },
  {
    key: 'problem-front',
    stage: 'problem',
    lane: 'frontstage',
    title: { en: 'Tells callers whether it is safe to drive', de: 'Sagt Anrufern, ob sie noch fahren können' },
    body: {
      en: 'Asks three questions and books urgent cases for the same day.',
      de: 'Stellt drei Fragen und nimmt dringende Fälle noch am selben Tag an.',
    },
    actor: ADVISOR,
    serves: 'problem-act',
  },
  {
    key: 'problem-support',
    stage: 'problem',
    lane: 'support',
    title: { en: 'Holds service history and due dates', de: 'Speichert Servicehistorie und Fälligkeiten' },
    body: {
      en: 'The dealer management system knows when each car is due for a service or inspection.',
      de: 'Das Werkstattsystem (DMS) weiß, wann jedes Fahrzeug zu Inspektion oder HU muss.',
    },
    actor: DMS,
    serves: 'problem-act',
  },

  // ---------- Find a workshop ----------
  {
    key: 'find-evidence',
    stage: 'find',
    lane: 'evidence',
    title: { en: 'Photos, stars and price list on Google', de: 'Fotos, Sterne und Preisliste bei Google' },
    serves: 'find-act',
  },
  {
    key: 'find-front',
    stage: 'find',
    lane: 'frontstage',
    title: { en: 'Answers price questions on the phone', de: 'Beantwortet Preisfragen am Telefon' },
    body: {
      en: 'Names fixed prices for standard jobs instead of “depends”.',
      de: 'Nennt Festpreise für Standardarbeiten statt „kommt drauf an“.',
    },
    actor: ADVISOR,
    serves: 'find-act',
  },
  {
    key: 'find-support',
    stage: 'find',
    lane: 'support',
    title: { en: 'Alerts on new reviews', de: 'Meldet neue Bewertungen' },
    actor: { en: 'Review tool', de: 'Bewertungstool' },
    serves: 'find-act',
  },

  // ---------- Book appointment ----------
  {
    key: 'book-evidence',
    stage: 'book',
    lane: 'evidence',
    title: { en: 'Confirmation by email and text', de: 'Terminbestätigung per E-Mail und SMS' },
    serves: 'book-act',
  },
  {
    key: 'book-front',
    stage: 'book',
    lane: 'frontstage',
    title: { en: 'Reserves the courtesy van on the call', de: 'Reserviert am Telefon den Ersatzwagen' },
    actor: ADVISOR,
    serves: 'book-van',
  },
  {
    key: 'book-support',
    stage: 'book',
    lane: 'support',
    title: { en: 'Offers only slots the workshop can keep', de: 'Bietet nur Termine an, die die Werkstatt halten kann' },
    body: {
      en: 'Online booking reads the workshop schedule.',
      de: 'Die Online-Buchung liest den Werkstattplan.',
    },
    actor: { en: 'Booking tool', de: 'Buchungstool' },
    serves: 'book-act',
  },

  // ---------- Reminder & preparation ----------
  {
    key: 'prepare-evidence',
    stage: 'prepare',
    lane: 'evidence',
    title: { en: 'Reminder text with drop-off time and key box', de: 'Erinnerungs-SMS mit Abgabezeit und Schlüsselbox' },
    serves: 'prepare-act',
  },
  {
    key: 'prepare-front',
    stage: 'prepare',
    lane: 'frontstage',
    title: { en: 'Confirms the courtesy van by phone', de: 'Bestätigt den Ersatzwagen telefonisch' },
    actor: ADVISOR,
    serves: 'prepare-act',
  },
  {
    key: 'prepare-support',
    stage: 'prepare',
    lane: 'support',
    title: { en: 'Books and blocks the courtesy vehicle', de: 'Bucht und blockt das Ersatzfahrzeug' },
    actor: { en: 'Fleet system', de: 'Fuhrparksystem' },
    serves: 'prepare-act',
  },

  // ---------- Drop-off & check-in ----------
  {
    key: 'dropoff-evidence',
    stage: 'dropoff',
    lane: 'evidence',
    title: { en: 'Signed job card with cost limit', de: 'Unterschriebener Auftrag mit Kostengrenze' },
    serves: 'dropoff-act',
  },
  {
    key: 'dropoff-front',
    stage: 'dropoff',
    lane: 'frontstage',
    title: { en: 'Walks round the car with the customer', de: 'Geht mit der Kundschaft ums Fahrzeug' },
    body: {
      en: 'Listens to the noise, notes damage, agrees the cost limit.',
      de: 'Hört sich das Geräusch an, notiert Schäden, vereinbart die Kostengrenze.',
    },
    actor: ADVISOR,
    serves: 'dropoff-act',
  },
  {
    key: 'dropoff-support',
    stage: 'dropoff',
    lane: 'support',
    title: { en: 'Stores check-in photos with the job', de: 'Speichert die Annahmefotos zum Auftrag' },
    actor: { en: 'Check-in app', de: 'Annahme-App' },
    serves: 'dropoff-act',
  },

  // ---------- Diagnosis & quote ----------
  {
    key: 'diag-evidence',
    stage: 'diagnosis',
    lane: 'evidence',
    title: { en: 'Findings video and quote by text', de: 'Befundvideo und Kostenvoranschlag per SMS' },
    serves: 'diag-call',
  },
  {
    key: 'diag-front',
    stage: 'diagnosis',
    lane: 'frontstage',
    title: { en: 'Calls with findings and quote', de: 'Ruft mit Befund und Kostenvoranschlag an' },
    body: {
      en: 'Urgent and can-wait items apart, each with its price.',
      de: 'Dringendes und Aufschiebbares getrennt, jeweils mit Preis.',
    },
    actor: ADVISOR,
    serves: 'diag-call',
  },
  {
    key: 'diag-support',
    stage: 'diagnosis',
    lane: 'support',
    title: { en: 'Fault codes and repair times', de: 'Fehlercodes und Arbeitswerte' },
    body: {
      en: 'The manufacturer’s diagnostic tester reads the faults and gives standard repair times.',
      de: 'Der Diagnosetester des Herstellers liest die Fehler aus und liefert die Arbeitswerte.',
    },
    actor: { en: 'Diagnostics', de: 'Diagnosetester' },
    serves: 'diag-call',
  },

  // ---------- Repair ----------
  {
    key: 'repair-evidence',
    stage: 'repair',
    lane: 'evidence',
    title: { en: 'Status text: “Your car is on the lift”', de: 'Status-SMS: „Ihr Auto ist auf der Bühne“' },
    serves: 'repair-act',
  },
  {
    key: 'repair-front',
    stage: 'repair',
    lane: 'frontstage',
    title: { en: 'Calls as soon as a delay is likely', de: 'Ruft an, sobald sich eine Verzögerung abzeichnet' },
    actor: ADVISOR,
    serves: 'repair-act',
  },
  {
    key: 'repair-support',
    stage: 'repair',
    lane: 'support',
    title: { en: 'Delivers parts twice a day', de: 'Liefert Teile zweimal täglich' },
    actor: { en: 'Parts wholesaler', de: 'Teilegroßhandel' },
    serves: 'repair-act',
  },

  // ---------- Pick-up & payment ----------
  {
    key: 'pickup-evidence',
    stage: 'pickup',
    lane: 'evidence',
    title: { en: 'Invoice, old parts, a clean car', de: 'Rechnung, Altteile, ein sauberes Auto' },
    serves: 'pickup-act',
  },
  {
    key: 'pickup-front',
    stage: 'pickup',
    lane: 'frontstage',
    title: { en: 'Hands over the keys, goes through the invoice', de: 'Übergibt den Schlüssel, erklärt die Rechnung' },
    actor: ADVISOR,
    serves: 'pickup-act',
  },
  {
    key: 'pickup-support',
    stage: 'pickup',
    lane: 'support',
    title: { en: 'Takes the card payment', de: 'Wickelt die Kartenzahlung ab' },
    actor: { en: 'Payment provider', de: 'Zahlungsanbieter' },
    serves: 'pickup-act',
  },

  // ---------- Follow-up ----------
  {
    key: 'followup-evidence',
    stage: 'followup',
    lane: 'evidence',
    title: { en: 'Service book stamp, next-service sticker', de: 'Serviceheft-Stempel und Serviceaufkleber' },
    serves: 'fu-need',
  },
  {
    key: 'followup-front',
    stage: 'followup',
    lane: 'frontstage',
    title: { en: 'Calls three days later: “All good?”', de: 'Ruft nach drei Tagen an: „Alles in Ordnung?“' },
    actor: ADVISOR,
    serves: 'fu-review',
  },
  {
    key: 'followup-support',
    stage: 'followup',
    lane: 'support',
    title: { en: 'Schedules the call and the next reminder', de: 'Plant den Anruf und die nächste Erinnerung' },
    actor: { en: 'CRM', de: 'CRM' },
    serves: 'fu-review',
  },
];
