import { SERVICE_NEEDS } from './needs';
import { serviceBlueprintCards } from './serviceBlueprint';
import { blueprintTemplateLanes } from './standard';
import type { Localized, TemplateSource } from './types';

/*
 * Service appointment and repair: a driver takes a car (or a tradesperson's van) to an
 * independent workshop, from the first warning light to the follow-up call. Two personas: the
 * commuting parent who needs clarity on cost and time, and the self-employed tradesperson for
 * whom every day without the van is lost income.
 */

const TAG_QUICK_WIN: Localized = { en: 'Quick win', de: 'Quick Win' };
const TAG_TRUST: Localized = { en: 'Trust', de: 'Vertrauen' };
const TAG_DIGITAL: Localized = { en: 'Digital service', de: 'Digitaler Service' };
const TAG_SAFETY: Localized = { en: 'Safety-critical', de: 'Sicherheitsrelevant' };
const TAG_BUSINESS: Localized = { en: 'Business customers', de: 'Gewerbekunden' };

export const serviceTemplate: TemplateSource = {
  key: 'service',
  title: { en: 'Car service: appointment and repair', de: 'Kfz-Werkstatt: Termin und Reparatur' },
  description: {
    en: 'How drivers experience a repair at an independent car workshop — from the first warning light through booking, drop-off, diagnosis and quote, repair and pick-up to the follow-up call.',
    de: 'Wie Autofahrer eine Reparatur in einer freien Kfz-Werkstatt erleben – von der ersten Warnleuchte über Terminbuchung, Fahrzeugannahme, Diagnose und Kostenvoranschlag, Reparatur und Abholung bis zum Nachfassanruf.',
  },
  phases: {
    'pre-purchase': { en: 'Notice & book', de: 'Bemerken & buchen' },
    purchase: { en: 'At the workshop', de: 'In der Werkstatt' },
    'post-purchase': { en: 'After the repair', de: 'Nach der Reparatur' },
  },
  personas: [
    {
      key: 'commuter',
      name: { en: 'Julia Brandt', de: 'Julia Brandt' },
      age: '39',
      role: {
        en: 'Project manager and mother of two, commutes 60 km a day',
        de: 'Projektleiterin und Mutter von zwei Kindern, pendelt täglich 60 km',
      },
      quote: {
        en: 'I don’t need to understand the engine — I need to know what it costs and when I get my car back.',
        de: 'Ich muss den Motor nicht verstehen – ich will wissen, was es kostet und wann ich mein Auto zurückbekomme.',
      },
      goals: [
        {
          en: 'Get the car fixed with minimal disruption to work and the school run',
          de: 'Das Auto reparieren lassen, ohne dass Job und Kinderbetreuung durcheinandergeraten',
        },
        {
          en: 'Know the cost before any work starts — no surprises on the invoice',
          de: 'Die Kosten kennen, bevor gearbeitet wird – keine Überraschungen auf der Rechnung',
        },
        {
          en: 'Be sure that only necessary work is done',
          de: 'Sicher sein, dass nur notwendige Arbeiten gemacht werden',
        },
      ],
      frustrations: [
        {
          en: 'Jargon-heavy phone calls she cannot judge',
          de: 'Telefonate voller Fachbegriffe, die sie nicht einordnen kann',
        },
        {
          en: 'Waiting on hold just to ask whether the car is ready',
          de: 'In der Warteschleife hängen, nur um zu fragen, ob das Auto fertig ist',
        },
        {
          en: 'Invoices that end up higher than the price named on the phone',
          de: 'Rechnungen, die am Ende höher ausfallen als der Preis am Telefon',
        },
      ],
      color: '#db2777',
    },
    {
      key: 'tradesperson',
      name: { en: 'Deniz Aydın', de: 'Deniz Aydın' },
      age: '45',
      role: {
        en: 'Self-employed electrician whose van is his workplace',
        de: 'Selbstständiger Elektriker, dessen Transporter sein Arbeitsplatz ist',
      },
      quote: {
        en: 'Every day the van spends in the workshop is a day I can’t bill.',
        de: 'Jeder Tag, an dem der Transporter in der Werkstatt steht, ist ein Tag, den ich nicht abrechnen kann.',
      },
      goals: [
        {
          en: 'Keep downtime to a minimum — early drop-off, same-day repair',
          de: 'Ausfallzeit minimieren – früh abgeben, am selben Tag fertig',
        },
        {
          en: 'Get a replacement van that fits his tools and materials',
          de: 'Ein Ersatzfahrzeug bekommen, in das Werkzeug und Material passen',
        },
        {
          en: 'Receive a correct business invoice his accountant accepts',
          de: 'Eine korrekte Firmenrechnung erhalten, die sein Steuerberater akzeptiert',
        },
      ],
      frustrations: [
        {
          en: 'Workshops that open at 8 when his first job starts at 7',
          de: 'Werkstätten, die um 8 öffnen, wenn sein erster Auftrag um 7 beginnt',
        },
        {
          en: 'Parts “on order” without a delivery date',
          de: 'Teile, die „bestellt“ sind – ohne Liefertermin',
        },
        {
          en: 'Having to chase the workshop for a status update',
          de: 'Der Werkstatt für einen Zwischenstand hinterhertelefonieren zu müssen',
        },
      ],
      color: '#ea580c',
    },
  ],
  stages: [
    {
      key: 'problem',
      phase: 'pre-purchase',
      name: { en: 'Problem occurs', de: 'Problem tritt auf' },
      description: {
        en: 'A warning light, grinding brakes, or a van that will not start on a cold morning: the customer wants to know whether it is still safe to drive and what it will cost. Worry and uncertainty set the tone for everything that follows.',
        de: 'Eine Warnleuchte, schleifende Bremsen oder ein Transporter, der an einem kalten Morgen streikt: Die Kundschaft will wissen, ob sie noch fahren kann und was das kostet. Sorge und Unsicherheit prägen alles, was danach kommt.',
      },
    },
    {
      key: 'find',
      phase: 'pre-purchase',
      name: { en: 'Find a workshop', de: 'Werkstatt finden' },
      description: {
        en: 'They compare nearby workshops by their ratings and ask the neighbours. Trust is at stake before the first contact: without prices or free slots online, we look like every other garage.',
        de: 'Sie vergleichen Werkstätten in der Nähe nach Bewertungen und fragen in der Nachbarschaft. Schon vor dem ersten Kontakt geht es um Vertrauen: Ohne Preise oder freie Termine online sehen wir aus wie jede andere Werkstatt.',
      },
    },
    {
      key: 'book',
      phase: 'pre-purchase',
      name: { en: 'Book appointment', de: 'Termin buchen' },
      description: {
        en: 'They want an appointment soon, and Deniz needs a courtesy van and a same-day repair, because his van is his workplace. Busy phone lines in the morning rush send them to the next workshop on the list.',
        de: 'Sie wollen schnell einen Termin, und Deniz braucht einen Ersatzwagen und die Reparatur am selben Tag – sein Transporter ist sein Arbeitsplatz. Besetzte Leitungen im Morgenstress schicken sie zur nächsten Werkstatt auf der Liste.',
      },
    },
    {
      key: 'prepare',
      phase: 'pre-purchase',
      name: { en: 'Reminder & preparation', de: 'Erinnerung & Vorbereitung' },
      description: {
        en: 'The day before, they organise a day without the car: lifts, the school run, a courtesy vehicle. If nothing is confirmed, a good booking turns into a no-show or a frantic morning.',
        de: 'Am Tag davor organisieren sie einen Tag ohne Auto: Mitfahrgelegenheit, Schulweg, Ersatzwagen. Ist nichts bestätigt, wird aus einer guten Buchung ein geplatzter Termin oder ein hektischer Morgen.',
      },
    },
    {
      key: 'dropoff',
      phase: 'purchase',
      name: { en: 'Drop-off & check-in', de: 'Fahrzeugannahme' },
      description: {
        en: 'They hand over the keys, describe the noise and want to be sure nothing expensive happens without a call. A queue at 7:30 and a vague job card start the visit on the wrong foot.',
        de: 'Sie übergeben den Schlüssel, beschreiben das Geräusch und wollen sicher sein, dass nichts Teures ohne Rückruf passiert. Eine Schlange um 7:30 Uhr und ein vager Auftrag lassen den Besuch schlecht beginnen.',
      },
    },
    {
      key: 'diagnosis',
      phase: 'purchase',
      name: { en: 'Diagnosis & quote', de: 'Diagnose & Kostenvoranschlag' },
      description: {
        en: 'The findings call reaches them in a meeting or up a ladder, and they have to approve a quote they cannot judge. This is the moment of trust: a quote they understand gets a yes, anything else feels like being ripped off.',
        de: 'Der Anruf mit dem Befund erreicht sie mitten im Meeting oder auf der Leiter, und sie sollen einen Kostenvoranschlag freigeben, den sie nicht beurteilen können. Hier entscheidet sich das Vertrauen: Einen verständlichen Voranschlag geben sie frei, alles andere fühlt sich nach Abzocke an.',
      },
    },
    {
      key: 'repair',
      phase: 'purchase',
      name: { en: 'Repair', de: 'Reparatur' },
      description: {
        en: 'While the car is in the workshop, the customer only wants to know whether it will be ready as promised. Every hour without news makes the day harder to plan, and a car that is not ready costs them another working day.',
        de: 'Während das Auto in der Werkstatt steht, wollen sie nur wissen, ob es wie versprochen fertig wird. Jede Stunde ohne Nachricht macht den Tag schwerer planbar – und ist das Auto nicht fertig, fehlt ein weiterer Arbeitstag.',
      },
    },
    {
      key: 'pickup',
      phase: 'purchase',
      name: { en: 'Pick-up & payment', de: 'Abholung & Bezahlung' },
      description: {
        en: 'They collect the car, hear what was done and pay. If the invoice matches the quote and the advisor explains the work at the car, relief turns into trust.',
        de: 'Sie holen das Auto ab, lassen sich erklären, was gemacht wurde, und bezahlen. Stimmt die Rechnung mit dem Voranschlag überein und erklärt die Serviceberatung die Arbeiten am Fahrzeug, wird aus Erleichterung Vertrauen.',
      },
    },
    {
      key: 'followup',
      phase: 'post-purchase',
      name: { en: 'Follow-up', de: 'Nachbetreuung' },
      description: {
        en: 'Back on the road, they find out whether the repair holds, and a call three days later shows that someone cares. This is where a one-off repair becomes a loyal customer, or a new noise undoes it all.',
        de: 'Wieder unterwegs zeigt sich, ob die Reparatur hält, und ein Anruf drei Tage später zeigt, dass sich jemand kümmert. Hier wird aus einer einmaligen Reparatur eine treue Kundschaft – oder ein neues Geräusch macht alles zunichte.',
      },
    },
  ],
  lanes: blueprintTemplateLanes(),
  cards: [
    // ---------- Problem occurs ----------
    {
      key: 'problem-act',
      stage: 'problem',
      lane: 'actions',
      title: { en: 'Notices a warning light and grinding brakes', de: 'Bemerkt Warnleuchte und schleifende Bremsen' },
      body: {
        en: 'On the school run the brake warning light comes on and the brakes grind; she keeps driving but avoids the motorway.',
        de: 'Auf dem Weg zur Schule leuchtet die Bremswarnleuchte auf und die Bremsen schleifen; sie fährt weiter, meidet aber die Autobahn.',
      },
      personas: ['commuter'],
    },
    {
      stage: 'problem',
      lane: 'actions',
      title: { en: 'Van shows an engine fault on a cold morning', de: 'Transporter meldet an einem kalten Morgen einen Motorfehler' },
      body: {
        en: 'The van stutters and goes into limp mode; he borrows a colleague’s vehicle to reach his 7:00 job.',
        de: 'Der Transporter ruckelt und geht ins Notlaufprogramm; er leiht sich das Fahrzeug eines Kollegen, um seinen Auftrag um 7 Uhr zu schaffen.',
      },
      personas: ['tradesperson'],
      tags: [TAG_BUSINESS],
    },
    {
      stage: 'problem',
      lane: 'touchpoints',
      title: { en: 'Dashboard warning and owner’s manual', de: 'Warnmeldung im Cockpit und Bordbuch' },
      body: {
        en: 'The car says “visit a workshop” but not how urgent it is or whether it is safe to drive.',
        de: 'Das Auto meldet „Werkstatt aufsuchen“, sagt aber nicht, wie dringend es ist oder ob man noch fahren darf.',
      },
      channel: 'other',
    },
    {
      stage: 'problem',
      lane: 'thoughts',
      title: { en: '“Is it still safe — and how much will this cost?”', de: '„Kann ich noch fahren – und was wird das kosten?“' },
      body: {
        en: 'I can’t be without the car this week. Maybe it can wait until Saturday.',
        de: 'Diese Woche kann ich auf keinen Fall aufs Auto verzichten. Vielleicht hat es ja bis Samstag Zeit.',
      },
      personas: ['commuter'],
    },
    {
      stage: 'problem',
      lane: 'emotions',
      title: { en: 'Worried', de: 'Beunruhigt' },
      body: {
        en: 'A safety issue, an unknown bill and a full week collide.',
        de: 'Ein Sicherheitsproblem, eine unbekannte Rechnung und eine volle Woche treffen aufeinander.',
      },
      emotion: -2,
    },
    {
      stage: 'problem',
      lane: 'pains',
      title: { en: 'No sense of urgency or cost', de: 'Keine Ahnung von Dringlichkeit und Kosten' },
      body: {
        en: 'Warning lights don’t say how urgent a fault is, so drivers either panic or postpone until a small fault becomes an expensive one.',
        de: 'Warnleuchten verraten nicht, wie dringend ein Fehler ist – also geraten Fahrer in Panik oder schieben es auf, bis aus einem kleinen Defekt ein teurer wird.',
      },
      tags: [TAG_SAFETY],
    },
    {
      stage: 'problem',
      lane: 'opportunities',
      title: { en: '“Can I still drive?” self-check page', de: 'Selbstcheck „Darf ich noch fahren?“' },
      body: {
        en: 'Explain the 15 most common warning lights with a traffic-light urgency rating and a direct “book a check” button.',
        de: 'Die 15 häufigsten Warnleuchten mit Ampel-Einstufung der Dringlichkeit erklären – mit direktem Button „Check buchen“.',
      },
      tags: [TAG_DIGITAL],
    },
    {
      key: 'problem-back',
      stage: 'problem',
      lane: 'backstage',
      title: { en: 'Service and inspection reminders', de: 'Erinnerungen an Service und HU' },
      body: {
        en: 'The dealer management system flags customers due for servicing or the statutory inspection and sends reminders six weeks ahead.',
        de: 'Das Werkstattsystem erkennt fällige Inspektionen und Hauptuntersuchungen und verschickt sechs Wochen vorher eine Erinnerung.',
      },
      actor: { en: 'Service manager', de: 'Serviceleitung' },
      serves: 'problem-act',
    },
    {
      stage: 'problem',
      lane: 'metrics',
      title: { en: 'Reminder-to-booking rate ≥ 25 %', de: 'Buchungsquote nach Erinnerung ≥ 25 %' },
      body: {
        en: 'Share of service and inspection reminders that lead to a booked appointment within 30 days.',
        de: 'Anteil der Service- und HU-Erinnerungen, die innerhalb von 30 Tagen zu einem gebuchten Termin führen.',
      },
    },

    // ---------- Find a workshop ----------
    {
      key: 'find-act',
      stage: 'find',
      lane: 'actions',
      title: { en: 'Compares nearby workshops by rating', de: 'Vergleicht Werkstätten in der Nähe nach Bewertung' },
      body: {
        en: 'Checks Google Maps for workshops within 5 km rated 4.5 or higher and reads recent reviews about honesty and prices.',
        de: 'Sucht bei Google Maps Werkstätten im Umkreis von 5 km mit mindestens 4,5 Sternen und liest aktuelle Bewertungen zu Ehrlichkeit und Preisen.',
      },
      personas: ['commuter'],
    },
    {
      stage: 'find',
      lane: 'touchpoints',
      title: { en: 'Google Business Profile and reviews', de: 'Google-Unternehmensprofil und Bewertungen' },
      body: {
        en: 'Opening hours, photos of the workshop and how the owner replies to critical reviews shape the first impression.',
        de: 'Öffnungszeiten, Fotos der Werkstatt und der Umgang des Inhabers mit kritischen Bewertungen prägen den ersten Eindruck.',
      },
      channel: 'web',
      tags: [TAG_TRUST],
    },
    {
      stage: 'find',
      lane: 'touchpoints',
      title: { en: 'Recommendation in the neighbourhood group', de: 'Empfehlung in der Nachbarschaftsgruppe' },
      body: {
        en: 'A neighbour’s “they were honest and didn’t upsell” in the local WhatsApp or Facebook group often decides the shortlist.',
        de: 'Ein „Die waren ehrlich und haben nichts aufgeschwatzt“ von Nachbarn in der lokalen WhatsApp- oder Facebook-Gruppe entscheidet oft über die engere Wahl.',
      },
      channel: 'social',
      tags: [TAG_TRUST],
    },
    {
      stage: 'find',
      lane: 'thoughts',
      title: { en: '“Which of these won’t rip me off?”', de: '„Wer von denen zockt mich nicht ab?“' },
      body: {
        en: 'Every workshop promises fair prices. I’d trust fixed prices for standard jobs far more.',
        de: 'Jede Werkstatt verspricht faire Preise. Festpreise für Standardarbeiten würden mich viel mehr überzeugen.',
      },
      personas: ['commuter'],
    },
    {
      stage: 'find',
      lane: 'emotions',
      title: { en: 'Unsure', de: 'Unsicher' },
      body: {
        en: 'Plenty of options, but nothing to compare on price or availability.',
        de: 'Viele Optionen, aber nichts, womit sich Preis oder Verfügbarkeit vergleichen lassen.',
      },
      emotion: -1,
    },
    {
      stage: 'find',
      lane: 'pains',
      title: { en: 'No prices or free slots online', de: 'Keine Preise und freien Termine online' },
      body: {
        en: 'Most workshop websites show opening hours and a phone number, but no guide prices and no availability.',
        de: 'Die meisten Werkstatt-Websites zeigen Öffnungszeiten und eine Telefonnummer, aber weder Richtpreise noch freie Termine.',
      },
    },
    {
      stage: 'find',
      lane: 'opportunities',
      title: { en: 'Guide prices for the 20 most common jobs', de: 'Richtpreise für die 20 häufigsten Arbeiten' },
      body: {
        en: 'Publish “from” prices for brake pads, inspections, tyre changes and similar jobs, including labour and VAT.',
        de: '„Ab“-Preise für Bremsbeläge, Inspektion, Reifenwechsel und Ähnliches veröffentlichen – inklusive Arbeitszeit und Mehrwertsteuer.',
      },
      tags: [TAG_TRUST, TAG_QUICK_WIN],
    },
    {
      key: 'find-back',
      stage: 'find',
      lane: 'backstage',
      title: { en: 'Local listings and review replies', de: 'Lokale Einträge und Antworten auf Bewertungen' },
      body: {
        en: 'The service manager keeps opening hours and services current on Google and replies to every review within 48 hours.',
        de: 'Der Serviceleiter hält Öffnungszeiten und Leistungen bei Google aktuell und beantwortet jede Bewertung innerhalb von 48 Stunden.',
      },
      actor: { en: 'Service manager', de: 'Serviceleitung' },
      serves: 'find-act',
    },
    {
      stage: 'find',
      lane: 'metrics',
      title: { en: 'Google rating ≥ 4.6 from 150+ reviews', de: 'Google-Bewertung ≥ 4,6 bei über 150 Rezensionen' },
      body: {
        en: 'Tracked monthly alongside profile-to-enquiry conversion (calls, booking requests, route requests).',
        de: 'Wird monatlich zusammen mit der Conversion vom Profil zur Anfrage (Anrufe, Buchungsanfragen, Routenplanungen) verfolgt.',
      },
    },

    // ---------- Book appointment ----------
    {
      key: 'book-act',
      stage: 'book',
      lane: 'actions',
      title: { en: 'Books a brake check online for Thursday', de: 'Bucht online einen Bremsencheck für Donnerstag' },
      body: {
        en: 'Chooses “brakes”, picks a 7:30 drop-off slot, enters her number plate and adds a note about the grinding noise.',
        de: 'Wählt „Bremsen“, nimmt einen Abgabetermin um 7:30 Uhr, gibt ihr Kennzeichen ein und beschreibt das Schleifgeräusch.',
      },
      personas: ['commuter'],
    },
    {
      key: 'book-van',
      stage: 'book',
      lane: 'actions',
      title: { en: 'Asks for a courtesy van and same-day repair', de: 'Fragt nach Ersatztransporter und Reparatur am selben Tag' },
      body: {
        en: 'Needs a vehicle with a roof rack for the day; otherwise he has to cancel two customer jobs.',
        de: 'Braucht für den Tag ein Fahrzeug mit Dachträger, sonst muss er zwei Kundentermine absagen.',
      },
      personas: ['tradesperson'],
      tags: [TAG_BUSINESS],
    },
    {
      stage: 'book',
      lane: 'touchpoints',
      title: { en: 'Online booking tool', de: 'Online-Terminbuchung' },
      body: {
        en: 'Choose a job, a drop-off slot and an optional courtesy car in under two minutes, with instant confirmation.',
        de: 'Arbeit, Abgabetermin und auf Wunsch ein Ersatzfahrzeug in unter zwei Minuten wählen – mit sofortiger Bestätigung.',
      },
      channel: 'web',
      tags: [TAG_DIGITAL],
    },
    {
      stage: 'book',
      lane: 'touchpoints',
      title: { en: 'Phone booking with the service advisor', de: 'Telefonische Buchung beim Serviceberater' },
      body: {
        en: 'The first call decides everything: if the advisor offers a slot tomorrow and a courtesy van, he stays — otherwise he calls the next workshop.',
        de: 'Der erste Anruf entscheidet: Bietet der Serviceberater einen Termin für morgen und einen Ersatztransporter an, bleibt er – sonst ruft er die nächste Werkstatt an.',
      },
      channel: 'phone',
      personas: ['tradesperson'],
      momentOfTruth: true,
    },
    {
      stage: 'book',
      lane: 'thoughts',
      title: { en: '“Sorted — if they really have time on Thursday.”', de: '„Erledigt – wenn die am Donnerstag wirklich Zeit haben.“' },
      body: {
        en: 'At least I have a date now. I hope they don’t keep the car for three days.',
        de: 'Immerhin habe ich jetzt einen Termin. Hoffentlich behalten sie das Auto nicht drei Tage.',
      },
      personas: ['commuter'],
    },
    {
      stage: 'book',
      lane: 'emotions',
      title: { en: 'Relieved', de: 'Erleichtert' },
      body: {
        en: 'A confirmed appointment turns a vague worry into a plan.',
        de: 'Ein bestätigter Termin macht aus einer diffusen Sorge einen Plan.',
      },
      emotion: 1,
    },
    {
      stage: 'book',
      lane: 'pains',
      title: { en: 'Phone lines busy in the morning rush', de: 'Telefon am Morgen ständig besetzt' },
      body: {
        en: 'Between 7:30 and 9:00 the advisors are at the drop-off counter, so calls go unanswered and callers try the next workshop.',
        de: 'Zwischen 7:30 und 9 Uhr stehen die Serviceberater an der Annahme, Anrufe bleiben unbeantwortet und Kunden versuchen es bei der Konkurrenz.',
      },
    },
    {
      stage: 'book',
      lane: 'opportunities',
      title: { en: 'Guaranteed callback within 30 minutes', de: 'Rückruf-Garantie innerhalb von 30 Minuten' },
      body: {
        en: 'When the line is busy, offer a callback by SMS and link to the live slots in the online booking tool.',
        de: 'Ist die Leitung besetzt, per SMS einen Rückruf zusagen und auf die freien Termine in der Online-Buchung verweisen.',
      },
      tags: [TAG_QUICK_WIN],
    },
    {
      key: 'book-back',
      stage: 'book',
      lane: 'backstage',
      title: { en: 'Workshop capacity planning', de: 'Kapazitätsplanung in der Werkstatt' },
      body: {
        en: 'Bookings are matched to mechanic hours and lifts: 1.5 hours for brakes, 1 hour for diagnosis, plus a daily buffer for breakdowns.',
        de: 'Buchungen werden mit Mechanikerstunden und Hebebühnen abgeglichen: 1,5 Stunden für Bremsen, 1 Stunde für Diagnose, dazu ein täglicher Puffer für Pannenfahrzeuge.',
      },
      actor: { en: 'Workshop foreman', de: 'Werkstattmeister' },
      serves: 'book-act',
    },
    {
      stage: 'book',
      lane: 'metrics',
      title: { en: 'Lead time to appointment ≤ 3 working days', de: 'Vorlaufzeit bis zum Termin ≤ 3 Werktage' },
      body: {
        en: 'Measured from first contact; safety-critical faults such as brakes or steering within one working day.',
        de: 'Gemessen ab dem ersten Kontakt; sicherheitsrelevante Mängel wie Bremsen oder Lenkung innerhalb eines Werktags.',
      },
      tags: [TAG_SAFETY],
    },

    // ---------- Reminder & preparation ----------
    {
      key: 'prepare-act',
      stage: 'prepare',
      lane: 'actions',
      title: { en: 'Organises a day without the car', de: 'Organisiert einen Tag ohne Auto' },
      body: {
        en: 'Asks her partner to do the school run and checks the bus from the workshop to the office.',
        de: 'Bittet ihren Partner, die Kinder zur Schule zu bringen, und sucht die Busverbindung von der Werkstatt ins Büro heraus.',
      },
      personas: ['commuter'],
    },
    {
      stage: 'prepare',
      lane: 'touchpoints',
      title: { en: 'WhatsApp reminder the day before', de: 'WhatsApp-Erinnerung am Vortag' },
      body: {
        en: 'A short message at 17:00 with drop-off time, directions and what to bring (spare key, locking wheel nut adapter) — reply to reschedule.',
        de: 'Kurze Nachricht um 17 Uhr mit Abgabezeit, Anfahrt und dem, was mitzubringen ist (Zweitschlüssel, Adapter fürs Felgenschloss) – Umbuchen per Antwort.',
      },
      channel: 'chat',
      tags: [TAG_DIGITAL],
    },
    {
      stage: 'prepare',
      lane: 'thoughts',
      title: { en: '“Can I drop the van off before seven?”', de: '„Kann ich den Transporter vor sieben abgeben?“' },
      body: {
        en: 'If I have to wait for the counter to open, I’m late for my first customer.',
        de: 'Wenn ich warten muss, bis die Annahme öffnet, komme ich zu spät zu meinem ersten Kunden.',
      },
      personas: ['tradesperson'],
    },
    {
      stage: 'prepare',
      lane: 'emotions',
      title: { en: 'Organised but stretched', de: 'Gut organisiert, aber angespannt' },
      body: {
        en: 'The plan is in place, but the day depends on everything running on time.',
        de: 'Der Plan steht, doch der Tag hängt davon ab, dass alles pünktlich klappt.',
      },
      emotion: 0,
    },
    {
      stage: 'prepare',
      lane: 'pains',
      title: { en: 'Courtesy vehicle not confirmed', de: 'Ersatzfahrzeug nicht bestätigt' },
      body: {
        en: 'The reminder doesn’t say whether the courtesy van is reserved, so he calls to double-check — at the busiest time of day.',
        de: 'Die Erinnerung sagt nicht, ob der Ersatztransporter reserviert ist; also ruft er zur Sicherheit an – zur geschäftigsten Tageszeit.',
      },
      personas: ['tradesperson'],
      tags: [TAG_BUSINESS],
    },
    {
      stage: 'prepare',
      lane: 'opportunities',
      title: { en: 'Two-way reminder with add-on jobs', de: 'Erinnerung mit Antwortoption und Zusatzleistungen' },
      body: {
        en: 'Let customers confirm, reschedule or add small jobs such as wiper blades by reply, freeing slots before they turn into no-shows.',
        de: 'Kunden bestätigen, verschieben oder ergänzen kleine Arbeiten wie Wischerblätter per Antwort – so werden Termine frei, bevor sie verfallen.',
      },
      tags: [TAG_DIGITAL],
    },
    {
      key: 'prepare-back',
      stage: 'prepare',
      lane: 'backstage',
      title: { en: 'Parts pre-picked for booked jobs', de: 'Teile für gebuchte Aufträge vorkommissioniert' },
      body: {
        en: 'The day before, the parts desk pre-picks pads and discs for each booked vehicle by VIN, so work can start on time.',
        de: 'Am Vortag stellt das Teilelager Beläge und Scheiben für jedes gebuchte Fahrzeug anhand der Fahrgestellnummer bereit, damit pünktlich begonnen werden kann.',
      },
      actor: { en: 'Parts desk', de: 'Teilelager' },
      serves: 'prepare-act',
    },
    {
      stage: 'prepare',
      lane: 'metrics',
      title: { en: 'No-show rate < 3 %', de: 'No-Show-Quote < 3 %' },
      body: {
        en: 'Share of booked appointments where the vehicle does not arrive and the booking was not cancelled.',
        de: 'Anteil gebuchter Termine, zu denen das Fahrzeug nicht gebracht und der Termin nicht abgesagt wurde.',
      },
    },

    // ---------- Drop-off & check-in ----------
    {
      key: 'dropoff-act',
      stage: 'dropoff',
      lane: 'actions',
      title: { en: 'Hands over the keys and describes the noise', de: 'Übergibt den Schlüssel und beschreibt das Geräusch' },
      body: {
        en: 'Explains when the grinding happens; together with the advisor she notes mileage, fuel level and existing scratches.',
        de: 'Erklärt, wann das Schleifen auftritt; gemeinsam mit dem Serviceberater hält sie Kilometerstand, Tankfüllung und vorhandene Kratzer fest.',
      },
      personas: ['commuter'],
    },
    {
      stage: 'dropoff',
      lane: 'touchpoints',
      title: { en: 'Service counter and vehicle walk-around', de: 'Serviceannahme mit Fahrzeugrundgang' },
      body: {
        en: 'The advisor greets the customer by name, walks round the car with them and agrees a cost limit before any work.',
        de: 'Der Serviceberater begrüßt den Kunden mit Namen, geht mit ihm ums Fahrzeug und vereinbart vorab eine Kostengrenze.',
      },
      channel: 'store',
    },
    {
      stage: 'dropoff',
      lane: 'touchpoints',
      title: { en: 'Pick-up and return service', de: 'Hol- und Bringservice' },
      body: {
        en: 'For customers who can’t come in, a driver collects the car from home or the office and returns it after the repair.',
        de: 'Wer nicht selbst kommen kann, dessen Fahrzeug holt ein Fahrer zu Hause oder im Büro ab und bringt es nach der Reparatur zurück.',
      },
      channel: 'delivery',
    },
    {
      stage: 'dropoff',
      lane: 'thoughts',
      title: { en: '“Will they call before doing anything pricey?”', de: '„Rufen die an, bevor es teuer wird?“' },
      body: {
        en: 'I’ve said 300 euros is my limit. I hope that’s actually written down somewhere.',
        de: 'Ich habe 300 Euro als Grenze genannt. Hoffentlich steht das auch irgendwo.',
      },
      personas: ['commuter'],
    },
    {
      stage: 'dropoff',
      lane: 'emotions',
      title: { en: 'Uneasy', de: 'Unbehaglich' },
      body: {
        en: 'Handing over the car means giving up control of both the vehicle and the budget.',
        de: 'Mit dem Schlüssel gibt sie die Kontrolle über Auto und Budget aus der Hand.',
      },
      emotion: -1,
      personas: ['commuter'],
    },
    {
      stage: 'dropoff',
      lane: 'pains',
      title: { en: 'Queue at the counter at 7:30', de: 'Schlange an der Annahme um 7:30 Uhr' },
      body: {
        en: 'Everyone arrives in the same half hour; check-in takes 15 minutes per car and commuters miss their train.',
        de: 'Alle kommen in derselben halben Stunde; die Annahme dauert 15 Minuten pro Fahrzeug, und Pendler verpassen ihren Zug.',
      },
    },
    {
      stage: 'dropoff',
      lane: 'opportunities',
      title: { en: 'Digital pre-check-in and key box', de: 'Digitaler Vorab-Check-in und Schlüsselbox' },
      body: {
        en: 'Customers confirm mileage, contact details and cost limit via link the evening before, then drop the key in a box from 6:00.',
        de: 'Kunden bestätigen Kilometerstand, Kontaktdaten und Kostengrenze am Vorabend per Link und werfen den Schlüssel ab 6 Uhr in eine Schlüsselbox.',
      },
      personas: ['tradesperson'],
      tags: [TAG_DIGITAL, TAG_BUSINESS],
    },
    {
      key: 'dropoff-back',
      stage: 'dropoff',
      lane: 'backstage',
      title: { en: 'Job card with photos and cost limit', de: 'Auftrag mit Fotos und Kostengrenze' },
      body: {
        en: 'The advisor opens the job card in the workshop system, photographs the vehicle and records the approved cost limit.',
        de: 'Der Serviceberater legt den Auftrag im Werkstattsystem an, fotografiert das Fahrzeug und hinterlegt die freigegebene Kostengrenze.',
      },
      actor: { en: 'Service advisor', de: 'Serviceberatung' },
      serves: 'dropoff-act',
    },
    {
      stage: 'dropoff',
      lane: 'metrics',
      title: { en: 'Check-in time ≤ 5 minutes', de: 'Annahmedauer ≤ 5 Minuten' },
      body: {
        en: 'From arrival at the counter to key handover for pre-checked-in customers; for the pick-up service, driver on-time arrival ≥ 95 %.',
        de: 'Von der Ankunft an der Annahme bis zur Schlüsselübergabe bei Kunden mit Vorab-Check-in; beim Hol- und Bringservice Pünktlichkeit des Fahrers ≥ 95 %.',
      },
    },

    // ---------- Diagnosis & quote ----------
    {
      key: 'diag-call',
      stage: 'diagnosis',
      lane: 'actions',
      title: { en: 'Takes the findings call in the middle of a meeting', de: 'Nimmt den Befund-Anruf mitten im Meeting an' },
      body: {
        en: 'At 11:00 the advisor calls: front discs and pads worn, brake fluid due — €640 in total. She has to decide on the spot.',
        de: 'Um 11 Uhr ruft der Serviceberater an: Bremsscheiben und -beläge vorne verschlissen, Bremsflüssigkeit fällig – insgesamt 640 €. Sie soll sofort entscheiden.',
      },
      personas: ['commuter'],
    },
    {
      key: 'diag-missed',
      stage: 'diagnosis',
      lane: 'actions',
      title: { en: 'Misses three calls while up a ladder', de: 'Verpasst drei Anrufe, während er auf der Leiter steht' },
      body: {
        en: 'He only approves the quote at 14:00, too late for the parts delivery that would have finished the van the same day.',
        de: 'Er gibt den Kostenvoranschlag erst um 14 Uhr frei – zu spät für die Teilelieferung, mit der der Transporter noch am selben Tag fertig geworden wäre.',
      },
      personas: ['tradesperson'],
    },
    {
      stage: 'diagnosis',
      lane: 'touchpoints',
      title: { en: 'Phone call from the service advisor', de: 'Anruf des Serviceberaters' },
      body: {
        en: 'The moment the price is named decides whether the customer trusts the workshop or asks for the car back unrepaired.',
        de: 'Der Moment, in dem der Preis fällt, entscheidet, ob der Kunde der Werkstatt vertraut oder sein Auto unrepariert zurückhaben will.',
      },
      channel: 'phone',
      momentOfTruth: true,
      tags: [TAG_TRUST],
    },
    {
      stage: 'diagnosis',
      lane: 'thoughts',
      title: { en: '“Do I really need all of that?”', de: '„Brauche ich das wirklich alles?“' },
      body: {
        en: 'I can’t tell whether the brake fluid is urgent or whether they’re just upselling me.',
        de: 'Ich kann nicht beurteilen, ob die Bremsflüssigkeit dringend ist oder ob sie mir einfach mehr verkaufen wollen.',
      },
      personas: ['commuter'],
    },
    {
      key: 'diag-emotion',
      stage: 'diagnosis',
      lane: 'emotions',
      title: { en: 'Anxious about the bill', de: 'Sorge wegen der Rechnung' },
      body: {
        en: 'The price is higher than hoped and the decision has to be made without understanding the details.',
        de: 'Der Preis liegt über der Erwartung, und die Entscheidung muss fallen, ohne die Details zu verstehen.',
      },
      emotion: -2,
    },
    {
      key: 'diag-pain',
      stage: 'diagnosis',
      lane: 'pains',
      title: { en: 'The quote is impossible to judge', de: 'Der Kostenvoranschlag ist nicht nachvollziehbar' },
      body: {
        en: 'Customers get jargon and a total, not a clear split between “safety-critical now” and “can wait until the next service”.',
        de: 'Kunden bekommen Fachbegriffe und eine Endsumme statt einer klaren Trennung zwischen „jetzt sicherheitsrelevant“ und „kann bis zum nächsten Service warten“.',
      },
      tags: [TAG_TRUST],
    },
    {
      key: 'diag-opp',
      stage: 'diagnosis',
      lane: 'opportunities',
      title: { en: 'Video findings with a traffic-light quote', de: 'Videobefund mit Ampel-Kostenvoranschlag' },
      body: {
        en: 'The mechanic sends a 60-second video of the worn parts; items are marked red (now), amber (soon) or green and approved with one tap.',
        de: 'Der Mechaniker schickt ein 60-Sekunden-Video der verschlissenen Teile; Positionen sind rot (jetzt), gelb (bald) oder grün markiert und lassen sich per Fingertipp freigeben.',
      },
      tags: [TAG_DIGITAL, TAG_TRUST],
    },
    {
      key: 'diag-back',
      stage: 'diagnosis',
      lane: 'backstage',
      title: { en: 'Fault memory readout and measurements', de: 'Fehlerspeicher auslesen und nachmessen' },
      body: {
        en: 'The mechanic reads the fault memory, measures disc thickness and documents findings with photos in the job card.',
        de: 'Der Mechaniker liest den Fehlerspeicher aus, misst die Scheibenstärke und dokumentiert den Befund mit Fotos im Auftrag.',
      },
      actor: { en: 'Mechanic', de: 'Mechaniker' },
      serves: 'diag-call',
    },
    {
      key: 'diag-metric',
      stage: 'diagnosis',
      lane: 'metrics',
      title: { en: 'Quote acceptance rate ≥ 75 %', de: 'Annahmequote Kostenvoranschläge ≥ 75 %' },
      body: {
        en: 'Share of quoted items approved by the customer; quote sent no later than three hours after drop-off.',
        de: 'Anteil der angebotenen Positionen, die der Kunde freigibt; der Kostenvoranschlag geht spätestens drei Stunden nach der Annahme raus.',
      },
    },

    // ---------- Repair ----------
    {
      key: 'repair-act',
      stage: 'repair',
      lane: 'actions',
      title: { en: 'Waits for news — then calls at 16:00', de: 'Wartet auf Nachricht – und ruft um 16 Uhr an' },
      body: {
        en: 'Hears nothing all afternoon and calls to ask whether she can pick up the car today; the line is busy twice.',
        de: 'Hört den ganzen Nachmittag nichts und ruft an, um zu fragen, ob sie das Auto heute abholen kann; zweimal ist besetzt.',
      },
      personas: ['commuter'],
    },
    {
      stage: 'repair',
      lane: 'touchpoints',
      title: { en: 'Proactive delay notice', de: 'Proaktiver Hinweis auf Verzögerung' },
      body: {
        en: 'If the car won’t be ready as promised, the customer hears it from the workshop by 14:00 — not when they arrive to collect it.',
        de: 'Wird das Auto nicht wie zugesagt fertig, erfährt der Kunde es bis 14 Uhr von der Werkstatt – und nicht erst bei der Abholung.',
      },
      channel: 'chat',
      momentOfTruth: true,
    },
    {
      stage: 'repair',
      lane: 'thoughts',
      title: { en: '“If it’s not ready today, I lose another day.”', de: '„Wenn er heute nicht fertig wird, fehlt mir noch ein Tag.“' },
      body: {
        en: 'I’ve got a switchboard installation tomorrow at eight. I need to know now, not at five.',
        de: 'Morgen um acht steht eine Verteilerinstallation an. Ich muss es jetzt wissen, nicht erst um fünf.',
      },
      personas: ['tradesperson'],
    },
    {
      stage: 'repair',
      lane: 'emotions',
      title: { en: 'Impatient', de: 'Ungeduldig' },
      body: {
        en: 'Nothing to do but wait, with no idea how far along the work is.',
        de: 'Nichts zu tun außer warten – ohne zu wissen, wie weit die Arbeit ist.',
      },
      emotion: -1,
    },
    {
      key: 'rep-delay',
      stage: 'repair',
      lane: 'pains',
      title: { en: 'Car not ready on the promised day', de: 'Fahrzeug nicht am zugesagten Tag fertig' },
      body: {
        en: 'Parts ordered late arrive the next morning, and customers only learn about the delay when they come to collect.',
        de: 'Spät bestellte Teile kommen erst am nächsten Morgen, und Kunden erfahren von der Verzögerung erst bei der Abholung.',
      },
    },
    {
      stage: 'repair',
      lane: 'opportunities',
      title: { en: 'Live repair status like a parcel tracker', de: 'Live-Reparaturstatus wie bei der Paketverfolgung' },
      body: {
        en: 'A link shows “in diagnosis – awaiting approval – in repair – test drive – ready”, with the expected completion time.',
        de: 'Ein Link zeigt „In Diagnose – Freigabe ausstehend – In Reparatur – Probefahrt – Fertig“ samt voraussichtlicher Fertigstellung.',
      },
      tags: [TAG_DIGITAL],
    },
    {
      key: 'rep-parts',
      stage: 'repair',
      lane: 'backstage',
      title: { en: 'Parts ordering cut-off at 14:00', de: 'Teilebestellung mit Annahmeschluss um 14 Uhr' },
      body: {
        en: 'Non-stock parts come from the wholesaler within two to four hours; orders after 14:00 arrive the next morning. A second mechanic signs off all brake work after the test drive.',
        de: 'Nicht vorrätige Teile liefert der Großhandel in zwei bis vier Stunden; Bestellungen nach 14 Uhr kommen erst am nächsten Morgen. Ein zweiter Mechaniker nimmt jede Bremsenarbeit nach der Probefahrt ab.',
      },
      actor: { en: 'Parts desk', de: 'Teilelager' },
      serves: 'repair-act',
    },
    {
      stage: 'repair',
      lane: 'metrics',
      title: { en: 'First-time-fix rate ≥ 92 %', de: 'First-Time-Fix-Rate ≥ 92 %' },
      body: {
        en: 'Share of jobs where the reported fault is fixed in the first visit, without a return for the same issue.',
        de: 'Anteil der Aufträge, bei denen der gemeldete Fehler beim ersten Besuch behoben wird – ohne erneuten Werkstattbesuch wegen desselben Problems.',
      },
    },
    {
      stage: 'repair',
      lane: 'metrics',
      title: { en: 'On-time completion ≥ 90 %', de: 'Termintreue bei Fertigstellung ≥ 90 %' },
      body: {
        en: 'Share of vehicles ready by the time promised at drop-off, or by an updated time communicated before 14:00.',
        de: 'Anteil der Fahrzeuge, die zur bei der Annahme zugesagten Zeit fertig sind – oder zu einer neuen Zeit, die vor 14 Uhr mitgeteilt wurde.',
      },
    },

    // ---------- Pick-up & payment ----------
    {
      key: 'pickup-act',
      stage: 'pickup',
      lane: 'actions',
      title: { en: 'Collects the car and pays at the counter', de: 'Holt das Auto ab und bezahlt an der Kasse' },
      body: {
        en: 'Arrives at 17:45, pays €430 by card for the approved discs and pads and asks what exactly was done.',
        de: 'Kommt um 17:45 Uhr, zahlt 430 € per Karte für die freigegebenen Scheiben und Beläge und fragt, was genau gemacht wurde.',
      },
      personas: ['commuter'],
    },
    {
      key: 'pick-explain',
      stage: 'pickup',
      lane: 'touchpoints',
      title: { en: 'Advisor walks through the work at the car', de: 'Serviceberater erklärt die Arbeiten am Fahrzeug' },
      body: {
        en: 'Shows the old brake discs, explains what was replaced and what is due next time, and matches the invoice line by line to the approved quote.',
        de: 'Zeigt die alten Bremsscheiben, erklärt, was getauscht wurde und was beim nächsten Mal fällig ist, und gleicht die Rechnung Position für Position mit der Freigabe ab.',
      },
      channel: 'store',
      momentOfTruth: true,
      tags: [TAG_TRUST],
    },
    {
      stage: 'pickup',
      lane: 'touchpoints',
      title: { en: 'Invoice by email with payment link', de: 'Rechnung per E-Mail mit Zahlungslink' },
      body: {
        en: 'Business customers receive an invoice with company name and VAT shown separately, ready for their accountant.',
        de: 'Gewerbekunden erhalten eine Rechnung mit Firmenname und separat ausgewiesener Mehrwertsteuer, fertig für den Steuerberater.',
      },
      channel: 'email',
      personas: ['tradesperson'],
      tags: [TAG_BUSINESS],
    },
    {
      stage: 'pickup',
      lane: 'thoughts',
      title: { en: '“Ready at five, and the invoice is already in.”', de: '„Um fünf fertig, und die Rechnung ist schon da.“' },
      body: {
        en: 'That’s how it should be. I’ll bring the second van here too.',
        de: 'So muss das laufen. Den zweiten Transporter bringe ich auch hierher.',
      },
      personas: ['tradesperson'],
    },
    {
      stage: 'pickup',
      lane: 'emotions',
      title: { en: 'Relieved and reassured', de: 'Erleichtert und beruhigt' },
      body: {
        en: 'The car is back, the price matches what was agreed and the work has been explained.',
        de: 'Das Auto ist zurück, der Preis entspricht der Absprache, und die Arbeiten wurden erklärt.',
      },
      emotion: 2,
    },
    {
      stage: 'pickup',
      lane: 'pains',
      title: { en: 'Invoice higher than the quote', de: 'Rechnung höher als der Kostenvoranschlag' },
      body: {
        en: 'Small extras like “workshop consumables” or disposal fees appear without having been mentioned, and trust evaporates.',
        de: 'Kleinposten wie „Werkstattmaterial“ oder Entsorgungsgebühren tauchen ohne Vorankündigung auf – und das Vertrauen ist dahin.',
      },
      tags: [TAG_TRUST],
    },
    {
      stage: 'pickup',
      lane: 'opportunities',
      title: { en: 'Pay online and collect after hours', de: 'Online bezahlen und nach Feierabend abholen' },
      body: {
        en: 'Send the invoice and a payment link when the car is ready, so customers can collect from the key box without queuing.',
        de: 'Sobald das Auto fertig ist, Rechnung und Zahlungslink schicken – dann holen Kunden den Schlüssel ohne Warten aus der Schlüsselbox.',
      },
      tags: [TAG_DIGITAL],
    },
    {
      key: 'pickup-back',
      stage: 'pickup',
      lane: 'backstage',
      title: { en: 'Invoice checked against the approval', de: 'Rechnung wird mit der Freigabe abgeglichen' },
      body: {
        en: 'Before the customer arrives, the advisor compares invoice and approved quote; any difference is explained or written off.',
        de: 'Vor der Abholung vergleicht der Serviceberater Rechnung und freigegebenen Kostenvoranschlag; jede Abweichung wird erklärt oder gestrichen.',
      },
      actor: { en: 'Service advisor', de: 'Serviceberatung' },
      serves: 'pickup-act',
    },
    {
      stage: 'pickup',
      lane: 'metrics',
      title: { en: 'CSAT at pick-up ≥ 4.6 / 5', de: 'Kundenzufriedenheit bei Abholung ≥ 4,6 von 5' },
      body: {
        en: 'One-question survey by SMS an hour after pick-up; every rating of 3 or below gets a call from the service manager.',
        de: 'Kurzumfrage mit einer Frage per SMS eine Stunde nach der Abholung; bei jeder Bewertung von 3 oder schlechter ruft der Serviceleiter an.',
      },
    },

    // ---------- Follow-up ----------
    {
      key: 'fu-review',
      stage: 'followup',
      lane: 'actions',
      title: { en: 'Leaves a five-star Google review', de: 'Schreibt eine Fünf-Sterne-Bewertung bei Google' },
      body: {
        en: 'Praises the clear explanation and fair price — exactly what the next neighbour will read when choosing a workshop.',
        de: 'Lobt die verständliche Erklärung und den fairen Preis – genau das, was die nächste Nachbarin bei der Werkstattwahl liest.',
      },
      personas: ['commuter'],
    },
    {
      stage: 'followup',
      lane: 'touchpoints',
      title: { en: 'Follow-up call after three days', de: 'Nachfassanruf nach drei Tagen' },
      body: {
        en: 'A short call asks whether the brakes feel right and whether anything on the invoice was unclear.',
        de: 'Ein kurzer Anruf klärt, ob sich die Bremsen gut anfühlen und ob auf der Rechnung etwas unklar war.',
      },
      channel: 'phone',
    },
    {
      stage: 'followup',
      lane: 'thoughts',
      title: { en: '“They actually called to check — that’s rare.”', de: '„Die rufen sogar nochmal an – das erlebt man selten.“' },
      body: {
        en: 'Next time I won’t bother comparing. I know where I’m going.',
        de: 'Nächstes Mal vergleiche ich gar nicht erst. Ich weiß, wo ich hingehe.',
      },
      personas: ['commuter'],
    },
    {
      stage: 'followup',
      lane: 'emotions',
      title: { en: 'Confident and loyal', de: 'Vertrauensvoll und treu' },
      body: {
        en: 'The workshop has earned trust; the next visit feels routine rather than risky.',
        de: 'Die Werkstatt hat sich Vertrauen verdient; der nächste Besuch fühlt sich nach Routine an statt nach Risiko.',
      },
      emotion: 1,
    },
    {
      stage: 'followup',
      lane: 'pains',
      title: { en: 'New noise after the repair', de: 'Neues Geräusch nach der Reparatur' },
      body: {
        en: 'When a squeak appears a few days later, customers don’t know whether it’s normal or whether they’ll be charged for a check.',
        de: 'Quietscht es ein paar Tage später, wissen Kunden nicht, ob das normal ist oder ob sie für eine Kontrolle zahlen müssen.',
      },
    },
    {
      stage: 'followup',
      lane: 'opportunities',
      title: { en: 'Free re-check within 30 days', de: 'Kostenlose Nachkontrolle innerhalb von 30 Tagen' },
      body: {
        en: 'State on every invoice that any repair can be re-checked free of charge within 30 days.',
        de: 'Auf jeder Rechnung zusagen, dass jede Reparatur innerhalb von 30 Tagen kostenlos nachkontrolliert wird.',
      },
      tags: [TAG_TRUST, TAG_QUICK_WIN],
    },
    {
      key: 'followup-back',
      stage: 'followup',
      lane: 'backstage',
      title: { en: 'Comeback analysis in the weekly meeting', de: 'Analyse von Nacharbeiten im Wochenmeeting' },
      body: {
        en: 'Every return for the same fault within 30 days is logged with its root cause and discussed in the weekly workshop meeting.',
        de: 'Jede Rückkehr wegen desselben Fehlers innerhalb von 30 Tagen wird mit Ursache erfasst und in der wöchentlichen Werkstattbesprechung besprochen.',
      },
      actor: { en: 'Workshop foreman', de: 'Werkstattmeister' },
      serves: 'fu-need',
    },
    {
      stage: 'followup',
      lane: 'metrics',
      title: { en: 'Comeback rate within 30 days < 2 %', de: 'Nacharbeitsquote innerhalb von 30 Tagen < 2 %' },
      body: {
        en: 'Share of repairs followed by a return visit for the same fault; tracked together with the 12-month rebooking rate (target ≥ 60 %).',
        de: 'Anteil der Reparaturen mit erneutem Besuch wegen desselben Fehlers; wird zusammen mit der Wiederbuchungsquote über 12 Monate (Ziel ≥ 60 %) verfolgt.',
      },
    },

    ...SERVICE_NEEDS,
    ...serviceBlueprintCards,
  ],
  links: [
    {
      from: 'diag-pain',
      to: 'diag-emotion',
      label: { en: 'fuels anxiety', de: 'schürt Unsicherheit' },
    },
    {
      from: 'diag-opp',
      to: 'diag-metric',
      label: { en: 'raises', de: 'steigert' },
    },
    {
      from: 'diag-missed',
      to: 'rep-delay',
      label: { en: 'late approval delays repair', de: 'späte Freigabe verzögert' },
    },
    {
      from: 'rep-parts',
      to: 'rep-delay',
      label: { en: 'causes', de: 'verursacht' },
    },
    {
      from: 'pick-explain',
      to: 'fu-review',
      label: { en: 'earns', de: 'führt zu' },
    },
  ],
};
