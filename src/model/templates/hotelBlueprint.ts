import type { Localized, TemplateCard } from './types';

/*
 * The hotel stay's blueprint rows: what the guest holds and sees (physical evidence), who serves
 * them in sight (frontstage), who works out of sight (backstage) and the systems and partners
 * behind them (support). Each card serves one of the guest's actions in its stage.
 */

const RECEPTIONIST: Localized = { en: 'Receptionist', de: 'Rezeption' };
const HOUSEKEEPING: Localized = { en: 'Housekeeping', de: 'Housekeeping' };
// short enough for the actor chip on a card; the card's body names the system in full
const PMS: Localized = { en: 'PMS', de: 'PMS' };

export const hotelBlueprintCards: TemplateCard[] = [
  // ---------- Booking ----------
  {
    key: 'book-evidence',
    stage: 'book',
    lane: 'evidence',
    title: { en: 'Booking confirmation email', de: 'Buchungsbestätigung per E-Mail' },
    body: {
      en: 'Dates, room type, all-in price, free cancellation until 18:00 the day before.',
      de: 'Daten, Zimmerkategorie, Endpreis, kostenlos stornierbar bis 18 Uhr am Vortag.',
    },
    serves: 'book-act',
  },
  {
    key: 'book-front',
    stage: 'book',
    lane: 'frontstage',
    title: { en: 'Replies to the room request', de: 'Beantwortet den Zimmerwunsch' },
    body: {
      en: 'Confirms a quiet room with a view and notes the anniversary.',
      de: 'Bestätigt ein ruhiges Zimmer mit Aussicht und vermerkt den Hochzeitstag.',
    },
    actor: { en: 'Reservations', de: 'Reservierung' },
    serves: 'book-request',
  },
  {
    key: 'book-back',
    stage: 'book',
    lane: 'backstage',
    title: { en: 'Sets rates by demand and events', de: 'Steuert Raten nach Nachfrage und Messen' },
    actor: { en: 'Revenue manager', de: 'Revenue-Manager' },
    serves: 'book-act',
  },
  {
    key: 'book-support',
    stage: 'book',
    lane: 'support',
    title: { en: 'Keeps rates and rooms in step everywhere', de: 'Hält Raten und Zimmer überall synchron' },
    body: {
      en: 'Website and booking platforms sell from one inventory; the booking lands in the PMS.',
      de: 'Website und Buchungsportale verkaufen aus einem Kontingent; die Buchung landet im PMS.',
    },
    actor: { en: 'Channel manager', de: 'Channel-Manager' },
    serves: 'book-act',
  },

  // ---------- Arrival ----------
  {
    key: 'arrive-evidence',
    stage: 'arrive',
    lane: 'evidence',
    title: { en: 'Signs, car park barrier, entrance', de: 'Beschilderung, Schranke, Eingang' },
    serves: 'arrive-act',
  },
  {
    key: 'arrive-front',
    stage: 'arrive',
    lane: 'frontstage',
    title: { en: 'Greets and stores the luggage', de: 'Begrüßt und nimmt das Gepäck in Verwahrung' },
    body: {
      en: 'Hands over a luggage tag and the Wi-Fi code for the day.',
      de: 'Gibt einen Gepäckschein und den WLAN-Code für den Tag mit.',
    },
    actor: { en: 'Doorman', de: 'Portier' },
    serves: 'arrive-early',
  },
  {
    key: 'arrive-back',
    stage: 'arrive',
    lane: 'backstage',
    title: { en: 'Reviews today’s arrivals list', de: 'Prüft die Anreiseliste des Tages' },
    body: {
      en: 'Flags early arrivals, late arrivals and special requests.',
      de: 'Markiert Früh- und Spätanreisen und besondere Wünsche.',
    },
    actor: { en: 'Front office', de: 'Front Office' },
    serves: 'arrive-early',
  },
  {
    key: 'arrive-support',
    stage: 'arrive',
    lane: 'support',
    title: { en: 'Sends the pre-arrival message', de: 'Verschickt die Anreise-Nachricht' },
    body: {
      en: 'Two days ahead: directions, parking, online check-in link.',
      de: 'Zwei Tage vorher: Anfahrt, Parken, Link zum Online-Check-in.',
    },
    actor: { en: 'Messaging tool', de: 'Messaging-Tool' },
    serves: 'arrive-act',
  },

  // ---------- Check-in ----------
  {
    key: 'checkin-evidence',
    stage: 'checkin',
    lane: 'evidence',
    title: { en: 'Registration form and key card', de: 'Meldeschein und Schlüsselkarte' },
    serves: 'checkin-act',
  },
  {
    key: 'checkin-front',
    stage: 'checkin',
    lane: 'frontstage',
    title: { en: 'Welcomes by name and checks in', de: 'Begrüßt mit Namen und checkt ein' },
    body: {
      en: 'Confirms dates and rate, takes a card guarantee, explains breakfast and Wi-Fi.',
      de: 'Bestätigt Daten und Rate, nimmt eine Kartengarantie, erklärt Frühstück und WLAN.',
    },
    actor: RECEPTIONIST,
    serves: 'checkin-act',
  },
  {
    key: 'checkin-bags',
    stage: 'checkin',
    lane: 'frontstage',
    title: { en: 'Brings the luggage to the room', de: 'Bringt das Gepäck aufs Zimmer' },
    actor: { en: 'Bellhop', de: 'Page' },
    serves: 'checkin-room',
  },
  {
    key: 'checkin-back',
    stage: 'checkin',
    lane: 'backstage',
    title: { en: 'Inspects and releases clean rooms', de: 'Kontrolliert und gibt Zimmer frei' },
    body: {
      en: 'Early arrivals’ rooms first, from the arrivals list.',
      de: 'Die Zimmer der Frühanreisen zuerst, nach der Anreiseliste.',
    },
    actor: { en: 'Room inspector', de: 'Hausdame' },
    serves: 'checkin-room',
  },
  {
    key: 'checkin-support',
    stage: 'checkin',
    lane: 'support',
    title: { en: 'Assigns the room, encodes the key', de: 'Teilt das Zimmer zu, codiert die Karte' },
    body: {
      en: 'The property management system holds every booking and room status.',
      de: 'Die Hotelsoftware (Property-Management-System) kennt jede Buchung und jeden Zimmerstatus.',
    },
    actor: PMS,
    serves: 'checkin-act',
  },

  // ---------- Stay ----------
  {
    key: 'stay-evidence',
    stage: 'stay',
    lane: 'evidence',
    title: { en: 'Room, bed linen, welcome card', de: 'Zimmer, Bettwäsche, Willkommenskarte' },
    serves: 'stay-act',
  },
  {
    key: 'stay-front',
    stage: 'stay',
    lane: 'frontstage',
    title: { en: 'Serves breakfast and refills the buffet', de: 'Serviert Frühstück und füllt das Buffet nach' },
    actor: { en: 'Breakfast team', de: 'Frühstücksservice' },
    serves: 'stay-act',
  },
  {
    key: 'stay-chat',
    stage: 'stay',
    lane: 'frontstage',
    title: { en: 'Answers the chat within minutes', de: 'Antwortet im Chat in wenigen Minuten' },
    actor: { en: 'Guest relations', de: 'Guest Relations' },
    serves: 'stay-request',
  },
  {
    key: 'stay-back',
    stage: 'stay',
    lane: 'backstage',
    title: { en: 'Cleans the room and restocks', de: 'Reinigt das Zimmer und füllt auf' },
    body: {
      en: 'Daily, unless the guest hangs the green card for fewer cleanings.',
      de: 'Täglich – außer der Gast hängt die grüne Karte für weniger Reinigung.',
    },
    actor: HOUSEKEEPING,
    serves: 'stay-act',
  },
  {
    key: 'stay-support',
    stage: 'stay',
    lane: 'support',
    title: { en: 'Routes requests to the nearest attendant', de: 'Leitet Wünsche an die nächste Reinigungskraft' },
    body: {
      en: 'The housekeeping app turns a chat request into a task with a deadline.',
      de: 'Die Housekeeping-App macht aus dem Chat-Wunsch eine Aufgabe mit Frist.',
    },
    actor: { en: 'Task app', de: 'Aufgaben-App' },
    serves: 'stay-request',
  },

  // ---------- Check-out ----------
  {
    key: 'checkout-evidence',
    stage: 'checkout',
    lane: 'evidence',
    title: { en: 'Itemised invoice', de: 'Detaillierte Rechnung' },
    serves: 'checkout-act',
  },
  {
    key: 'checkout-front',
    stage: 'checkout',
    lane: 'frontstage',
    title: { en: 'Settles the bill, corrects mistakes', de: 'Rechnet ab und korrigiert Fehler' },
    actor: RECEPTIONIST,
    serves: 'checkout-act',
  },
  {
    key: 'checkout-back',
    stage: 'checkout',
    lane: 'backstage',
    title: { en: 'Checks every charge overnight', de: 'Prüft nachts jede Position' },
    body: {
      en: 'Minibar, restaurant and parking postings against the room’s records.',
      de: 'Minibar-, Restaurant- und Parkbuchungen gegen die Zimmerdaten.',
    },
    actor: { en: 'Night auditor', de: 'Night Auditor' },
    serves: 'checkout-act',
  },
  {
    key: 'checkout-support',
    stage: 'checkout',
    lane: 'support',
    title: { en: 'Captures the card payment', de: 'Bucht die Kartenzahlung ab' },
    actor: { en: 'Payment provider', de: 'Zahlungsanbieter' },
    serves: 'checkout-act',
  },

  // ---------- Follow-up ----------
  {
    key: 'followup-evidence',
    stage: 'followup',
    lane: 'evidence',
    title: { en: 'Thank-you email and survey', de: 'Dankes-Mail und Umfrage' },
    serves: 'followup-act',
  },
  {
    key: 'followup-front',
    stage: 'followup',
    lane: 'frontstage',
    title: { en: 'Replies to the review in person', de: 'Antwortet persönlich auf die Bewertung' },
    actor: { en: 'Guest relations', de: 'Guest Relations' },
    serves: 'followup-act',
  },
  {
    key: 'followup-back',
    stage: 'followup',
    lane: 'backstage',
    title: { en: 'Reviews feedback in the weekly meeting', de: 'Bespricht Feedback in der Wochenrunde' },
    actor: { en: 'General manager', de: 'Hoteldirektion' },
    serves: 'followup-act',
  },
  {
    key: 'followup-support',
    stage: 'followup',
    lane: 'support',
    title: { en: 'Collects reviews and guest profiles', de: 'Bündelt Bewertungen und Gästeprofile' },
    body: {
      en: 'Reviews from every platform in one inbox, next to the guest’s stay history.',
      de: 'Bewertungen aller Portale in einem Postfach, neben der Aufenthaltshistorie des Gastes.',
    },
    actor: { en: 'CRM', de: 'CRM' },
    serves: 'followup-act',
  },
];
