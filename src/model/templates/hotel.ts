import { hotelBlueprintCards } from './hotelBlueprint';
import { blueprintTemplateLanes } from './standard';
import type { Localized, TemplateSource } from './types';

/*
 * A hotel stay as a service blueprint: a city hotel of 120 rooms, from booking to the review
 * afterwards. The customer's side (this file) and, below the line of interaction, what staff and
 * systems do for each step (hotelBlueprint.ts). Two guests: a sales director on a two-night
 * business trip and a couple on an anniversary weekend.
 */

const TAG_QUICK_WIN: Localized = { en: 'Quick win', de: 'Quick Win' };
const TAG_DIGITAL: Localized = { en: 'Digital service', de: 'Digitaler Service' };
const TAG_BUSINESS: Localized = { en: 'Business travel', de: 'Geschäftsreise' };

export const hotelTemplate: TemplateSource = {
  key: 'hotel',
  title: { en: 'Hotel stay: service blueprint', de: 'Hotelaufenthalt: Service Blueprint' },
  description: {
    en: 'A city hotel stay from booking to the review afterwards, as a service blueprint: what guests do, need, sense and feel, and below the line of interaction what reception, housekeeping, revenue management and the hotel’s systems do to make each step work.',
    de: 'Ein Aufenthalt im Stadthotel von der Buchung bis zur Bewertung danach, als Service Blueprint: was Gäste tun, brauchen, wahrnehmen und fühlen – und unterhalb der Interaktionslinie, was Rezeption, Housekeeping, Revenue Management und die Hotelsysteme dafür tun.',
  },
  phases: {
    'pre-purchase': { en: 'Before the stay', de: 'Vor dem Aufenthalt' },
    purchase: { en: 'At the hotel', de: 'Im Hotel' },
    'post-purchase': { en: 'After the stay', de: 'Nach dem Aufenthalt' },
  },
  personas: [
    {
      key: 'business',
      name: { en: 'Markus Weber', de: 'Markus Weber' },
      age: '47',
      role: { en: 'Sales director, 40 hotel nights a year', de: 'Vertriebsleiter, 40 Hotelnächte im Jahr' },
      quote: {
        en: 'I need a quiet room, fast Wi-Fi and an invoice my accounts team accepts. Everything else is a bonus.',
        de: 'Ich brauche ein ruhiges Zimmer, schnelles WLAN und eine Rechnung, die unsere Buchhaltung akzeptiert. Alles andere ist Bonus.',
      },
      goals: [
        { en: 'Arrive late and still be in the room within minutes', de: 'Spät ankommen und trotzdem in wenigen Minuten auf dem Zimmer sein' },
        { en: 'Work and sleep undisturbed', de: 'Ungestört arbeiten und schlafen' },
        { en: 'A correct company invoice without asking twice', de: 'Eine korrekte Firmenrechnung, ohne zweimal fragen zu müssen' },
      ],
      frustrations: [
        { en: 'Queues at reception after a long day', de: 'Schlangen an der Rezeption nach einem langen Tag' },
        { en: 'Invoices with the wrong company name', de: 'Rechnungen mit falschem Firmennamen' },
      ],
      color: '#0f766e',
    },
    {
      key: 'leisure',
      name: { en: 'Amira Haddad', de: 'Amira Haddad' },
      age: '34',
      role: { en: 'Teacher, anniversary weekend with her partner', de: 'Lehrerin, Hochzeitstag-Wochenende mit ihrem Partner' },
      quote: {
        en: 'We save up for one special weekend a year. I want it to feel special from the first email.',
        de: 'Wir sparen für ein besonderes Wochenende im Jahr. Es soll sich ab der ersten Mail besonders anfühlen.',
      },
      goals: [
        { en: 'A room with a view and a small surprise', de: 'Ein Zimmer mit Aussicht und eine kleine Überraschung' },
        { en: 'Drop the bags early and explore the city', de: 'Das Gepäck früh abgeben und die Stadt erkunden' },
      ],
      frustrations: [
        { en: 'Extra charges nobody mentioned', de: 'Zusatzkosten, die niemand erwähnt hat' },
        { en: 'Being treated like a booking number', de: 'Wie eine Buchungsnummer behandelt zu werden' },
      ],
      color: '#c026d3',
    },
  ],
  stages: [
    {
      key: 'book',
      phase: 'pre-purchase',
      name: { en: 'Booking', de: 'Buchung' },
      description: {
        en: 'Guests compare location, reviews and price, and book where the offer is clearest. A price that grows at the last step sends them back to the booking platform.',
        de: 'Gäste vergleichen Lage, Bewertungen und Preis und buchen dort, wo das Angebot am klarsten ist. Ein Preis, der im letzten Schritt wächst, schickt sie zurück zum Buchungsportal.',
      },
    },
    {
      key: 'arrive',
      phase: 'pre-purchase',
      name: { en: 'Arrival', de: 'Anreise' },
      description: {
        en: 'Getting there: directions, parking, an early train. The first glimpse of the hotel sets expectations for everything inside.',
        de: 'Der Weg zum Hotel: Anfahrt, Parken, ein früher Zug. Der erste Blick auf das Hotel setzt die Erwartung für alles, was drinnen folgt.',
      },
    },
    {
      key: 'checkin',
      phase: 'purchase',
      name: { en: 'Check-in', de: 'Check-in' },
      description: {
        en: 'The moment of truth at the desk: a warm welcome and a ready room, or a queue and “your room is not ready yet”.',
        de: 'Der Moment der Wahrheit am Empfang: ein herzliches Willkommen und ein fertiges Zimmer – oder eine Schlange und „Ihr Zimmer ist leider noch nicht fertig“.',
      },
    },
    {
      key: 'stay',
      phase: 'purchase',
      name: { en: 'Stay', de: 'Aufenthalt' },
      description: {
        en: 'Sleep, work, breakfast, small requests. Most of the service here is invisible, and guests notice it only when it fails.',
        de: 'Schlafen, arbeiten, frühstücken, kleine Wünsche. Der meiste Service ist hier unsichtbar – Gäste bemerken ihn erst, wenn er fehlt.',
      },
    },
    {
      key: 'checkout',
      phase: 'purchase',
      name: { en: 'Check-out', de: 'Check-out' },
      description: {
        en: 'The invoice is the last thing guests hold in their hands. A wrong charge undoes a good stay in a minute.',
        de: 'Die Rechnung ist das Letzte, was Gäste in der Hand halten. Eine falsche Position macht einen guten Aufenthalt in einer Minute zunichte.',
      },
    },
    {
      key: 'followup',
      phase: 'post-purchase',
      name: { en: 'Follow-up', de: 'Nachbetreuung' },
      description: {
        en: 'The review, the expense report, the next booking. A personal reply turns a one-off stay into a returning guest.',
        de: 'Die Bewertung, die Spesenabrechnung, die nächste Buchung. Eine persönliche Antwort macht aus einem einmaligen Aufenthalt einen Stammgast.',
      },
    },
  ],
  lanes: blueprintTemplateLanes({ senses: true }),
  cards: [
    // ---------- Booking ----------
    {
      key: 'book-act',
      stage: 'book',
      lane: 'actions',
      title: { en: 'Compares hotels and books direct', de: 'Vergleicht Hotels und bucht direkt' },
      body: {
        en: 'Checks location and reviews on a booking platform, then books on the hotel’s website for the free breakfast.',
        de: 'Prüft Lage und Bewertungen im Buchungsportal und bucht dann auf der Hotel-Website, weil dort das Frühstück inklusive ist.',
      },
      personas: ['business'],
    },
    {
      key: 'book-request',
      stage: 'book',
      lane: 'actions',
      title: { en: 'Asks for a quiet room with a view', de: 'Bittet um ein ruhiges Zimmer mit Aussicht' },
      body: {
        en: 'Adds a note to the booking: it is their anniversary.',
        de: 'Schreibt in die Buchung, dass sie Hochzeitstag haben.',
      },
      personas: ['leisure'],
    },
    {
      stage: 'book',
      lane: 'needs',
      title: { en: 'Know it fits the trip before paying', de: 'Vor dem Zahlen wissen, dass es passt' },
      body: {
        en: 'Location, all-in price and cancellation terms, confirmed in writing.',
        de: 'Lage, Endpreis und Stornobedingungen – schriftlich bestätigt.',
      },
    },
    {
      stage: 'book',
      lane: 'touchpoints',
      title: { en: 'Hotel website and booking engine', de: 'Hotel-Website und Buchungsmaschine' },
      channel: 'web',
    },
    {
      stage: 'book',
      lane: 'touchpoints',
      title: { en: 'Listing and reviews on a booking platform', de: 'Eintrag und Bewertungen im Buchungsportal' },
      channel: 'web',
    },
    {
      stage: 'book',
      lane: 'thoughts',
      title: { en: '“Is that photo the room I’ll get?”', de: '„Ist das Foto das Zimmer, das ich bekomme?“' },
      personas: ['leisure'],
    },
    {
      stage: 'book',
      lane: 'emotions',
      title: { en: 'Looking forward, a little wary', de: 'Vorfreude, etwas skeptisch' },
      emotion: 1,
    },
    {
      stage: 'book',
      lane: 'senses',
      title: { en: 'Sees room photos and a 360° tour', de: 'Sieht Zimmerfotos und einen 360°-Rundgang' },
    },
    {
      stage: 'book',
      lane: 'pains',
      title: { en: 'City tax and parking only at the last step', de: 'City-Tax und Parken erst im letzten Schritt' },
      body: {
        en: 'The price grows just before paying, and the platform suddenly looks cheaper.',
        de: 'Der Preis wächst kurz vor dem Bezahlen, und das Portal wirkt plötzlich günstiger.',
      },
    },
    {
      stage: 'book',
      lane: 'opportunities',
      title: { en: 'Show the all-in price from the first screen', de: 'Endpreis ab dem ersten Schritt zeigen' },
      tags: [TAG_QUICK_WIN],
    },
    {
      stage: 'book',
      lane: 'metrics',
      title: { en: 'Direct booking share ≥ 40 %', de: 'Direktbuchungsanteil ≥ 40 %' },
    },

    // ---------- Arrival ----------
    {
      key: 'arrive-act',
      stage: 'arrive',
      lane: 'actions',
      title: { en: 'Drives in and looks for parking', de: 'Fährt vor und sucht einen Parkplatz' },
      body: {
        en: 'Follows the navigation at 21:30 and circles the block for the car park entrance.',
        de: 'Folgt um 21:30 Uhr dem Navi und umkreist den Block auf der Suche nach der Garageneinfahrt.',
      },
      personas: ['business'],
    },
    {
      key: 'arrive-early',
      stage: 'arrive',
      lane: 'actions',
      title: { en: 'Arrives by train at 11:00 with luggage', de: 'Kommt um 11 Uhr mit Gepäck am Bahnhof an' },
      body: {
        en: 'Four hours before check-in, and they want to see the city.',
        de: 'Vier Stunden vor dem Check-in – und sie wollen die Stadt sehen.',
      },
      personas: ['leisure'],
    },
    {
      stage: 'arrive',
      lane: 'needs',
      title: { en: 'Get there without detours, lose the bags', de: 'Ohne Umwege ankommen, Gepäck loswerden' },
    },
    {
      stage: 'arrive',
      lane: 'touchpoints',
      title: { en: 'Pre-arrival email with directions', de: 'Anreise-Mail mit Wegbeschreibung' },
      channel: 'email',
    },
    {
      stage: 'arrive',
      lane: 'touchpoints',
      title: { en: 'Hotel entrance and car park', de: 'Hoteleingang und Tiefgarage' },
      channel: 'store',
    },
    {
      stage: 'arrive',
      lane: 'thoughts',
      title: { en: '“Where do I park — and where’s the door?”', de: '„Wo parke ich – und wo ist der Eingang?“' },
      personas: ['business'],
    },
    {
      stage: 'arrive',
      lane: 'emotions',
      title: { en: 'Tired and a bit lost', de: 'Müde und etwas orientierungslos' },
      emotion: -1,
    },
    {
      stage: 'arrive',
      lane: 'senses',
      title: { en: 'Street noise, then the lit hotel sign', de: 'Straßenlärm, dann der beleuchtete Schriftzug' },
    },
    {
      stage: 'arrive',
      lane: 'pains',
      title: { en: 'Car park entrance is hard to find', de: 'Garageneinfahrt ist schwer zu finden' },
      body: {
        en: 'It is in a side street; the email only gives the front address.',
        de: 'Sie liegt in einer Seitenstraße; die Mail nennt nur die Hausadresse.',
      },
    },
    {
      stage: 'arrive',
      lane: 'opportunities',
      title: { en: 'Photo of the car park entrance in the email', de: 'Foto der Garageneinfahrt in der Anreise-Mail' },
      tags: [TAG_QUICK_WIN],
    },
    {
      stage: 'arrive',
      lane: 'metrics',
      title: { en: 'Pre-arrival email open rate ≥ 60 %', de: 'Öffnungsrate der Anreise-Mail ≥ 60 %' },
    },

    // ---------- Check-in ----------
    {
      key: 'checkin-act',
      stage: 'checkin',
      lane: 'actions',
      title: { en: 'Queues at reception and checks in', de: 'Wartet an der Rezeption und checkt ein' },
      body: {
        en: 'Shows ID, signs the registration form and gets the key card.',
        de: 'Zeigt den Ausweis, unterschreibt den Meldeschein und erhält die Schlüsselkarte.',
      },
      momentOfTruth: true,
    },
    {
      key: 'checkin-room',
      stage: 'checkin',
      lane: 'actions',
      title: { en: 'Goes up to the room', de: 'Geht aufs Zimmer' },
    },
    {
      stage: 'checkin',
      lane: 'needs',
      title: { en: 'Be in a clean, quiet room within minutes', de: 'Schnell ins saubere, ruhige Zimmer' },
    },
    {
      stage: 'checkin',
      lane: 'touchpoints',
      title: { en: 'Reception desk', de: 'Rezeption' },
      channel: 'store',
    },
    {
      stage: 'checkin',
      lane: 'touchpoints',
      title: { en: 'Online check-in link', de: 'Link zum Online-Check-in' },
      channel: 'app',
      tags: [TAG_DIGITAL],
    },
    {
      stage: 'checkin',
      lane: 'thoughts',
      title: { en: '“I paid online — why swipe my card again?”', de: '„Online bezahlt – warum noch mal die Karte?“' },
      personas: ['business'],
    },
    {
      key: 'checkin-emotion',
      stage: 'checkin',
      lane: 'emotions',
      title: { en: 'Impatient in the queue', de: 'Ungeduldig in der Schlange' },
      emotion: -2,
    },
    {
      stage: 'checkin',
      lane: 'senses',
      title: { en: 'Lobby scent, soft music, a warm greeting', de: 'Duft der Lobby, leise Musik, ein freundliches Hallo' },
    },
    {
      key: 'checkin-pain',
      stage: 'checkin',
      lane: 'pains',
      title: { en: 'Queue at 15:00, room not ready', de: 'Schlange um 15 Uhr, Zimmer nicht fertig' },
      body: {
        en: 'Everyone arrives at once, and rooms are released one by one.',
        de: 'Alle kommen gleichzeitig, und die Zimmer werden einzeln freigegeben.',
      },
      momentOfTruth: true,
    },
    {
      key: 'checkin-opp',
      stage: 'checkin',
      lane: 'opportunities',
      title: { en: 'Online check-in with a digital key', de: 'Online-Check-in mit digitalem Schlüssel' },
      body: {
        en: 'Registration form filled in the day before; the key on the phone skips the desk.',
        de: 'Meldeschein am Vortag ausgefüllt; der Schlüssel auf dem Handy erspart den Tresen.',
      },
      tags: [TAG_DIGITAL],
    },
    {
      key: 'checkin-metric',
      stage: 'checkin',
      lane: 'metrics',
      title: { en: 'Time to room key under 3 minutes', de: 'Bis zur Schlüsselkarte unter 3 Minuten' },
    },

    // ---------- Stay ----------
    {
      key: 'stay-act',
      stage: 'stay',
      lane: 'actions',
      title: { en: 'Sleeps, works and has breakfast', de: 'Schläft, arbeitet und frühstückt' },
      personas: ['business'],
    },
    {
      key: 'stay-request',
      stage: 'stay',
      lane: 'actions',
      title: { en: 'Asks for extra pillows in the chat', de: 'Bittet im Chat um zusätzliche Kissen' },
      personas: ['leisure'],
    },
    {
      stage: 'stay',
      lane: 'needs',
      title: { en: 'Rest well and work undisturbed', de: 'Gut schlafen und ungestört arbeiten' },
    },
    {
      stage: 'stay',
      lane: 'touchpoints',
      title: { en: 'Room, Wi-Fi and breakfast room', de: 'Zimmer, WLAN und Frühstücksraum' },
      channel: 'store',
    },
    {
      stage: 'stay',
      lane: 'touchpoints',
      title: { en: 'Guest chat on WhatsApp', de: 'Gäste-Chat über WhatsApp' },
      channel: 'chat',
      tags: [TAG_DIGITAL],
    },
    {
      stage: 'stay',
      lane: 'thoughts',
      title: { en: '“Quiet room, fast Wi-Fi — this works.”', de: '„Ruhiges Zimmer, schnelles WLAN – passt.“' },
    },
    {
      stage: 'stay',
      lane: 'emotions',
      title: { en: 'Relaxed and looked after', de: 'Entspannt und umsorgt' },
      body: {
        en: 'The pillows arrive in ten minutes, with a card for the anniversary.',
        de: 'Die Kissen kommen nach zehn Minuten – mit einer Karte zum Hochzeitstag.',
      },
      emotion: 2,
      momentOfTruth: true,
    },
    {
      stage: 'stay',
      lane: 'senses',
      title: { en: 'Crisp linen, fresh coffee, no street noise', de: 'Frische Bettwäsche, Kaffeeduft, kein Straßenlärm' },
    },
    {
      stage: 'stay',
      lane: 'pains',
      title: { en: 'Breakfast room full at 8:00', de: 'Frühstücksraum um 8 Uhr voll' },
      personas: ['business'],
    },
    {
      stage: 'stay',
      lane: 'opportunities',
      title: { en: 'Show breakfast occupancy live in the chat', de: 'Auslastung des Frühstücks live im Chat zeigen' },
    },
    {
      stage: 'stay',
      lane: 'metrics',
      title: { en: 'Guest requests met within 15 minutes', de: 'Gästewünsche in 15 Minuten erfüllt' },
    },

    // ---------- Check-out ----------
    {
      key: 'checkout-act',
      stage: 'checkout',
      lane: 'actions',
      title: { en: 'Checks the invoice and pays', de: 'Prüft die Rechnung und bezahlt' },
      body: {
        en: 'At 7:15, with a taxi waiting, and the invoice must carry the company’s name.',
        de: 'Um 7:15 Uhr, das Taxi wartet – und die Rechnung muss auf die Firma lauten.',
      },
      personas: ['business'],
      tags: [TAG_BUSINESS],
    },
    {
      stage: 'checkout',
      lane: 'needs',
      title: { en: 'Leave on time with a correct invoice', de: 'Pünktlich los, mit korrekter Rechnung' },
    },
    {
      stage: 'checkout',
      lane: 'touchpoints',
      title: { en: 'Reception desk', de: 'Rezeption' },
      channel: 'store',
    },
    {
      stage: 'checkout',
      lane: 'touchpoints',
      title: { en: 'Invoice by email', de: 'Rechnung per E-Mail' },
      channel: 'email',
    },
    {
      stage: 'checkout',
      lane: 'thoughts',
      title: { en: '“A minibar charge? I never opened it.”', de: '„Minibar? Die habe ich nie geöffnet.“' },
    },
    {
      key: 'checkout-emotion',
      stage: 'checkout',
      lane: 'emotions',
      title: { en: 'Irritated, in a hurry', de: 'Verärgert und in Eile' },
      emotion: -1,
    },
    {
      stage: 'checkout',
      lane: 'senses',
      title: { en: 'Sees the itemised bill on the screen', de: 'Sieht die Einzelposten auf dem Bildschirm' },
    },
    {
      key: 'checkout-pain',
      stage: 'checkout',
      lane: 'pains',
      title: { en: 'Wrong charge, company name missing', de: 'Falsche Position, Firmenname fehlt' },
      body: {
        en: 'Fixing both takes ten minutes while the taxi waits.',
        de: 'Beides zu korrigieren dauert zehn Minuten, während das Taxi wartet.',
      },
    },
    {
      stage: 'checkout',
      lane: 'opportunities',
      title: { en: 'Invoice preview the evening before', de: 'Rechnungsvorschau am Vorabend' },
      body: {
        en: 'Guests confirm charges and billing address in the chat, then leave the key in a box.',
        de: 'Gäste bestätigen Posten und Rechnungsadresse im Chat und werfen die Karte beim Gehen ein.',
      },
      tags: [TAG_DIGITAL],
    },
    {
      stage: 'checkout',
      lane: 'metrics',
      title: { en: 'Invoices corrected after check-out < 2 %', de: 'Korrigierte Rechnungen nach Abreise < 2 %' },
    },

    // ---------- Follow-up ----------
    {
      key: 'followup-act',
      stage: 'followup',
      lane: 'actions',
      title: { en: 'Rates the stay and files expenses', de: 'Bewertet den Aufenthalt, rechnet Spesen ab' },
      personas: ['business', 'leisure'],
    },
    {
      stage: 'followup',
      lane: 'needs',
      title: { en: 'Be heard, and feel welcome back', de: 'Gehört werden und wieder willkommen sein' },
    },
    {
      stage: 'followup',
      lane: 'touchpoints',
      title: { en: 'Thank-you email with a short survey', de: 'Dankes-Mail mit kurzer Umfrage' },
      channel: 'email',
    },
    {
      stage: 'followup',
      lane: 'touchpoints',
      title: { en: 'Review on the booking platform', de: 'Bewertung im Buchungsportal' },
      channel: 'web',
    },
    {
      stage: 'followup',
      lane: 'thoughts',
      title: { en: '“Would I book here again?”', de: '„Würde ich hier wieder buchen?“' },
    },
    {
      stage: 'followup',
      lane: 'emotions',
      title: { en: 'Satisfied — the slip was put right', de: 'Zufrieden – der Fehler wurde behoben' },
      emotion: 1,
    },
    {
      stage: 'followup',
      lane: 'senses',
      title: { en: 'Remembers the view and the lobby scent', de: 'Erinnert sich an Aussicht und Lobbyduft' },
    },
    {
      stage: 'followup',
      lane: 'pains',
      title: { en: 'Generic survey, no reply to the review', de: 'Standard-Umfrage, keine Antwort auf die Bewertung' },
    },
    {
      stage: 'followup',
      lane: 'opportunities',
      title: { en: 'Personal reply to every review in 48 h', de: 'Persönliche Antwort auf jede Bewertung in 48 h' },
      tags: [TAG_QUICK_WIN],
    },
    {
      stage: 'followup',
      lane: 'metrics',
      title: { en: 'Review score ≥ 8.8, repeat stays ≥ 25 %', de: 'Bewertung ≥ 8,8, Wiederbuchung ≥ 25 %' },
    },

    ...hotelBlueprintCards,
  ],
  links: [
    { from: 'checkin-pain', to: 'checkin-emotion', label: { en: 'causes', de: 'verursacht' } },
    { from: 'checkin-opp', to: 'checkin-metric', label: { en: 'shortens', de: 'verkürzt' } },
    { from: 'checkout-pain', to: 'checkout-emotion', label: { en: 'triggers', de: 'löst aus' } },
  ],
};
