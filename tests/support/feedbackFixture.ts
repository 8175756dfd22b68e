/**
 * Believable customer feedback of an outdoor, sports-fashion and electronics retailer (the retail
 * template's chain): hotline log lines, chat transcript snippets, app-store and Trustpilot reviews
 * with stars, Google reviews of stores and NPS survey verbatims with 0–10 scores, in English (a
 * comma CSV with ISO dates) and German (a German Excel export: semicolons, DD.MM.YYYY). Built
 * deterministically from a seed, so the committed fixtures (tests/fixtures/feedback/) and the
 * benchmark's 10,000 rows come from the same generator; `scripts/feedback-fixtures.ts` writes them.
 */

type Locale = 'en' | 'de';
type Sentiment = 'positive' | 'neutral' | 'negative';
type Kind = 'hotline' | 'chat' | 'appReview' | 'trustpilot' | 'google' | 'nps';

interface Phrase {
  stage: string;
  en: string;
  de: string;
  sentiment: Sentiment;
}

/** The retail template's stage names, by key. */
const STAGES: Record<string, Record<Locale, string>> = {
  awareness: { en: 'Awareness', de: 'Aufmerksamkeit' },
  consideration: { en: 'Consideration', de: 'Abwägung' },
  purchase: { en: 'Purchase', de: 'Kauf' },
  delivery: { en: 'Delivery / pick-up', de: 'Lieferung / Abholung' },
  use: { en: 'Use', de: 'Nutzung' },
  return: { en: 'Return', de: 'Retoure' },
  complaint: { en: 'Complaint', de: 'Reklamation' },
  repair: { en: 'Repair', de: 'Reparatur' },
};

/** {p}: any product; in German only plurals and feminine nouns, so "die {p}", "der {p}" and "meine {p}" read right. */
const PRODUCTS: Record<Locale, string[]> = {
  en: ['hiking boots', 'rain jacket', 'trail running shoes', 'down jacket', "kids' boots", 'fleece', 'softshell trousers', 'sleeping mat', 'hiking trousers', 'running jacket'],
  de: ['Wanderschuhe', 'Regenjacke', 'Trailschuhe', 'Daunenjacke', 'Kinderschuhe', 'Fleecejacke', 'Softshellhose', 'Isomatte', 'Wanderhose', 'Laufjacke'],
};
/** {j}: a jacket (seams, zips, repairs) */
const JACKETS: Record<Locale, string[]> = {
  en: ['rain jacket', 'down jacket', 'softshell jacket', 'hardshell jacket', 'fleece jacket'],
  de: ['Regenjacke', 'Daunenjacke', 'Softshelljacke', 'Hardshelljacke', 'Fleecejacke'],
};
/** {e}: electronics, all feminine in German */
const ELECTRONICS: Record<Locale, string[]> = {
  en: ['GPS watch', 'headlamp', 'action cam', 'power bank', 'bike computer'],
  de: ['GPS-Uhr', 'Stirnlampe', 'Action-Cam', 'Powerbank', 'Fahrrad-Navi'],
};

const STORES: Record<Locale, string[]> = {
  en: ['Leeds', 'Bristol', 'Manchester', 'Glasgow', 'Cardiff', 'Norwich'],
  de: ['Köln', 'Leipzig', 'Freiburg', 'Hamburg-Altona', 'München-Pasing', 'Münster'],
};

/** {p}: a product, {s}: a store town, {d}: a number of days. */
const PHRASES: Phrase[] = [
  // awareness
  { stage: 'awareness', en: 'Saw the {p} on Instagram, the creator video sold it to me.', de: 'Die {p} auf Instagram gesehen, das Creator-Video hat mich überzeugt.', sentiment: 'positive' },
  { stage: 'awareness', en: 'Your ads keep showing me ski gear although I only ever buy running stuff.', de: 'Ihre Werbung zeigt mir ständig Skiausrüstung, obwohl ich nur Laufsachen kaufe.', sentiment: 'negative' },
  { stage: 'awareness', en: 'The shop window in {s} with the autumn display made me come in.', de: 'Das Schaufenster in {s} mit der Herbstdeko hat mich reingelockt.', sentiment: 'positive' },
  { stage: 'awareness', en: 'Advertised the {p} on social media but it was sold out everywhere.', de: 'In Social Media für die {p} geworben, aber überall ausverkauft.', sentiment: 'negative' },
  { stage: 'awareness', en: 'Did not know you run store events, would have come to the hiking evening.', de: 'Wusste nicht, dass es Filial-Events gibt, wäre gern zum Wanderabend gekommen.', sentiment: 'neutral' },
  // consideration
  { stage: 'consideration', en: 'Website said the {p} was in stock in {s}, drove 40 minutes and the shelf was empty.', de: 'Laut Website die {p} in {s} vorrätig, 40 Minuten gefahren und das Regal war leer.', sentiment: 'negative' },
  { stage: 'consideration', en: 'The size chart for the {p} is useless, I am between two sizes and there is no advice.', de: 'Die Größentabelle für die {p} hilft nicht, ich liege zwischen zwei Größen und keine Beratung.', sentiment: 'negative' },
  { stage: 'consideration', en: 'Reading the reviews on the product page really helped me choose.', de: 'Die Bewertungen auf der Produktseite haben mir bei der Auswahl sehr geholfen.', sentiment: 'positive' },
  { stage: 'consideration', en: 'Great fitting advice in store, the staff member measured both feet.', de: 'Super Beratung in der Filiale, der Mitarbeiter hat beide Füße vermessen.', sentiment: 'positive' },
  { stage: 'consideration', en: 'Too many models to compare, I gave up and asked a friend.', de: 'Viel zu viele Modelle zum Vergleichen, habe aufgegeben und eine Freundin gefragt.', sentiment: 'neutral' },
  { stage: 'consideration', en: 'Stock check in the app showed 3 left, staff said the store stock only updates overnight.', de: 'Bestandsabfrage in der App zeigte 3 Stück, laut Personal wird der Filialbestand nur nachts aktualisiert.', sentiment: 'negative' },
  // purchase
  { stage: 'purchase', en: 'Voucher code rejected at checkout without any reason given.', de: 'Gutscheincode beim Checkout ohne Begründung abgelehnt.', sentiment: 'negative' },
  { stage: 'purchase', en: 'Queued 25 minutes at the till on Saturday, only one till open.', de: 'Samstag 25 Minuten an der Kasse angestanden, nur eine Kasse offen.', sentiment: 'negative' },
  { stage: 'purchase', en: 'App checkout with saved card took ten seconds, brilliant.', de: 'Checkout in der App mit hinterlegter Karte in zehn Sekunden, super.', sentiment: 'positive' },
  { stage: 'purchase', en: 'Could not see the voucher rules until the very last step of checkout.', de: 'Die Gutscheinbedingungen sieht man erst im letzten Checkout-Schritt.', sentiment: 'negative' },
  { stage: 'purchase', en: 'Scan & Go in the app would save me the queue, why is it not in every store?', de: 'Scan & Go per App würde mir die Schlange sparen, warum gibt es das nicht in jeder Filiale?', sentiment: 'neutral' },
  { stage: 'purchase', en: 'Payment failed twice with the mobile payment at the till.', de: 'Mobiles Bezahlen an der Kasse ist zweimal fehlgeschlagen.', sentiment: 'negative' },
  // delivery
  { stage: 'delivery', en: 'Parcel arrived {d} days late and nobody told me about the delay.', de: 'Paket kam {d} Tage zu spät und niemand hat mich über die Verspätung informiert.', sentiment: 'negative' },
  { stage: 'delivery', en: 'Click & Collect order was not found at the desk, waited 20 minutes.', de: 'Click-&-Collect-Bestellung war an der Theke nicht auffindbar, 20 Minuten gewartet.', sentiment: 'negative' },
  { stage: 'delivery', en: 'Tracking the parcel in the app worked well, arrived on time.', de: 'Sendungsverfolgung in der App hat gut geklappt, pünktlich angekommen.', sentiment: 'positive' },
  { stage: 'delivery', en: 'Courier left the parcel at a neighbour I have never met.', de: 'Der Paketdienst hat das Paket bei einem Nachbarn abgegeben, den ich nicht kenne.', sentiment: 'negative' },
  { stage: 'delivery', en: 'Needed the {p} before our trip on Friday, the parcel came on Saturday.', de: 'Brauchte die {p} vor unserer Abreise am Freitag, das Paket kam erst am Samstag.', sentiment: 'negative' },
  { stage: 'delivery', en: 'Click & Collect ready within an hour, great service in {s}.', de: 'Click & Collect nach einer Stunde abholbereit, toller Service in {s}.', sentiment: 'positive' },
  { stage: 'delivery', en: 'Parcel locker delivery is perfect for me, no waiting at home.', de: 'Zustellung an die Paketstation ist perfekt, kein Warten zu Hause.', sentiment: 'positive' },
  // use
  { stage: 'use', en: 'Dry feet after a whole day of rain, worth every penny.', de: 'Nach einem ganzen Regentag trockene Füße, jeden Cent wert.', sentiment: 'positive' },
  { stage: 'use', en: 'Could not find any care instructions for the {p}, the label is washed out.', de: 'Keine Pflegehinweise für die {p} gefunden, das Etikett ist ausgewaschen.', sentiment: 'negative' },
  { stage: 'use', en: 'Love my new {p}, three hikes so far and still like new.', de: 'Liebe meine neue Ausrüstung, die {p} war schon auf drei Touren dabei.', sentiment: 'positive' },
  { stage: 'use', en: 'Battery of the {e} lasts half of what the product page promised.', de: 'Der Akku der {e} hält nur halb so lang wie auf der Produktseite versprochen.', sentiment: 'negative' },
  { stage: 'use', en: 'The QR code on the hangtag with care tips is a nice touch.', de: 'Der QR-Code am Etikett mit Pflegetipps ist eine schöne Idee.', sentiment: 'positive' },
  // return
  { stage: 'return', en: 'Refund took {d} days, I had to chase it twice.', de: 'Die Erstattung hat {d} Tage gedauert, musste zweimal nachhaken.', sentiment: 'negative' },
  { stage: 'return', en: 'Returned a web order in store and only got a voucher instead of my money.', de: 'Onlinebestellung in der Filiale zurückgegeben und nur einen Gutschein statt Geld bekommen.', sentiment: 'negative' },
  { stage: 'return', en: 'Returns portal in the app was easy, label printed in a minute.', de: 'Das Retourenportal in der App war einfach, Etikett in einer Minute gedruckt.', sentiment: 'positive' },
  { stage: 'return', en: 'Ordered the wrong size of {p}, the exchange desk in {s} swapped it on the spot.', de: 'Falsche Größe bestellt ({p}), die Umtauschtheke in {s} hat sofort getauscht.', sentiment: 'positive' },
  { stage: 'return', en: 'When do I get my money back? Sent the return two weeks ago.', de: 'Wann bekomme ich mein Geld zurück? Retoure vor zwei Wochen abgeschickt.', sentiment: 'negative' },
  { stage: 'return', en: 'Return label did not print from the web returns portal.', de: 'Das Retourenetikett ließ sich im Retourenportal nicht drucken.', sentiment: 'negative' },
  // complaint
  { stage: 'complaint', en: 'Seam of the {j} leaking after six weeks, want a replacement.', de: 'Naht der {j} nach sechs Wochen undicht, möchte Ersatz.', sentiment: 'negative' },
  { stage: 'complaint', en: 'Explained my issue in the chat, then had to explain everything again on the hotline.', de: 'Anliegen im Chat geschildert, dann an der Hotline alles noch einmal erklären müssen.', sentiment: 'negative' },
  { stage: 'complaint', en: 'The chat bot kept sending me to the FAQ, no human agent available.', de: 'Der Chatbot hat mich immer wieder zu den FAQ geschickt, kein Mensch erreichbar.', sentiment: 'negative' },
  { stage: 'complaint', en: 'Hotline agent solved my complaint in one call, very friendly.', de: 'Die Hotline hat meine Reklamation in einem Anruf gelöst, sehr freundlich.', sentiment: 'positive' },
  { stage: 'complaint', en: 'Warranty check at head office takes forever, no case number given.', de: 'Gewährleistungsprüfung in der Zentrale dauert ewig, keine Fallnummer bekommen.', sentiment: 'negative' },
  { stage: 'complaint', en: 'Zip of the {j} broke on the second day, feel let down.', de: 'Reißverschluss der {j} am zweiten Tag kaputt, bin enttäuscht.', sentiment: 'negative' },
  // repair
  { stage: 'repair', en: 'Repair of my {j} takes three weeks, in the middle of the season.', de: 'Die Reparatur meiner {j} dauert drei Wochen, mitten in der Saison.', sentiment: 'negative' },
  { stage: 'repair', en: 'Handed in the jacket for repair at the service desk, quick and friendly.', de: 'Jacke an der Servicetheke zur Reparatur abgegeben, schnell und freundlich.', sentiment: 'positive' },
  { stage: 'repair', en: 'No repair status in the app, I had to call to ask where my {j} is.', de: 'Kein Reparaturstatus in der App, musste anrufen, um nach meiner {j} zu fragen.', sentiment: 'negative' },
  { stage: 'repair', en: 'Got the repaired jacket back before our trip, you won me back.', de: 'Die reparierte Jacke vor unserer Tour zurückbekommen, Sie haben mich zurückgewonnen.', sentiment: 'positive' },
  { stage: 'repair', en: 'Would love loan gear while my {j} is in the workshop.', de: 'Wünsche mir Leihausrüstung, solange meine {j} in der Werkstatt ist.', sentiment: 'neutral' },
];

/** Sources as a feedback export names them, with the channel and how often each kind appears. */
const KINDS: { kind: Kind; weight: number; source: Record<Locale, string>; channel: Record<Locale, string> }[] = [
  { kind: 'hotline', weight: 5, source: { en: 'Hotline', de: 'Hotline' }, channel: { en: 'Phone', de: 'Telefon' } },
  { kind: 'chat', weight: 3, source: { en: 'Live chat', de: 'Chat' }, channel: { en: 'Chat', de: 'Chat' } },
  { kind: 'appReview', weight: 2, source: { en: 'App Store', de: 'App Store' }, channel: { en: 'App', de: 'App' } },
  { kind: 'trustpilot', weight: 3, source: { en: 'Trustpilot', de: 'Trustpilot' }, channel: { en: 'Web', de: 'Web' } },
  { kind: 'google', weight: 2, source: { en: 'Google review', de: 'Google-Bewertung' }, channel: { en: 'Store', de: 'Filiale' } },
  { kind: 'nps', weight: 4, source: { en: 'NPS survey', de: 'NPS-Umfrage' }, channel: { en: '', de: '' } },
];

const HOTLINE_OPENERS: Record<Locale, string[]> = {
  en: ['Caller says: ', 'Customer called: ', 'Cust. rang re order — ', 'Call note: ', ''],
  de: ['Anruferin sagt: ', 'Kunde ruft an: ', 'Anruf wg. Bestellung – ', 'Gesprächsnotiz: ', ''],
};
const AGENT_REPLIES: Record<Sentiment, Record<Locale, string[]>> = {
  negative: {
    en: ['Agent: Sorry to hear that, let me check.', 'Agent: I have passed this on to the team.', 'Agent: Could you send me the order number?'],
    de: ['Agent: Das tut mir leid, ich schaue nach.', 'Agent: Ich habe das ans Team weitergegeben.', 'Agent: Können Sie mir die Bestellnummer schicken?'],
  },
  neutral: {
    en: ['Agent: Thanks, I have noted that for the team.', 'Agent: Good point, I will pass it on.'],
    de: ['Agent: Danke, ich habe das für das Team notiert.', 'Agent: Guter Hinweis, ich gebe das weiter.'],
  },
  positive: {
    en: ['Agent: Thanks, great to hear!', 'Agent: Lovely, I will tell the team.'],
    de: ['Agent: Danke, das freut uns sehr!', 'Agent: Schön zu hören, ich sage es dem Team.'],
  },
};
const REVIEW_TITLES: Record<Sentiment, Record<Locale, string[]>> = {
  positive: { en: ['Great service', 'Very happy', 'Top', 'Would buy again'], de: ['Toller Service', 'Sehr zufrieden', 'Top', 'Gerne wieder'] },
  neutral: { en: ['Okay', 'Mixed feelings', 'Could be better'], de: ['Okay', 'Gemischt', 'Ausbaufähig'] },
  negative: { en: ['Disappointed', 'Not again', 'Poor experience', 'Frustrating'], de: ['Enttäuscht', 'Nie wieder', 'Schlechte Erfahrung', 'Ärgerlich'] },
};

/** Mulberry32: a small seeded generator, so the same seed writes the same file. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FeedbackRow {
  date: string;
  source: string;
  text: string;
  score: string;
  stage: string;
  channel: string;
  reference: string;
  sentiment: string;
}

const SENTIMENT_WORD: Record<Locale, Record<Sentiment, string>> = {
  en: { positive: 'positive', neutral: 'neutral', negative: 'negative' },
  de: { positive: 'positiv', neutral: 'neutral', negative: 'negativ' },
};

/** `count` rows of feedback in one language, the same rows for the same seed. */
export function retailFeedbackRows(locale: Locale, count: number, seed = 18): FeedbackRow[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const totalWeight = KINDS.reduce((sum, k) => sum + k.weight, 0);
  const rows: FeedbackRow[] = [];
  const start = Date.UTC(2026, 0, 5);
  for (let i = 0; i < count; i++) {
    let roll = next() * totalWeight;
    const kind = KINDS.find((k) => (roll -= k.weight) < 0) ?? KINDS[0]!;
    const phrase = pick(PHRASES);
    const store = pick(STORES[locale]);
    let text = phrase[locale].replace('{p}', pick(PRODUCTS[locale])).replace('{j}', pick(JACKETS[locale])).replace('{e}', pick(ELECTRONICS[locale])).replace('{s}', store).replace('{d}', String(5 + Math.floor(next() * 20)));
    const when = new Date(start + Math.floor(next() * 88) * 86_400_000 + Math.floor(next() * 10 * 3600 + 8 * 3600) * 1000);
    const iso = when.toISOString();
    const date = locale === 'en' ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
    let score = '';
    let stage = '';
    let reference = '';
    let sentiment = SENTIMENT_WORD[locale][phrase.sentiment];
    const stars = phrase.sentiment === 'positive' ? 4 + Math.floor(next() * 2) : phrase.sentiment === 'neutral' ? 3 : 1 + Math.floor(next() * 2);
    switch (kind.kind) {
      case 'hotline':
        text = `${pick(HOTLINE_OPENERS[locale])}${text}`;
        stage = STAGES[phrase.stage]![locale];
        reference = `INC-${String(204_000 + i * 7 + Math.floor(next() * 7))}`;
        break;
      case 'chat':
        // a transcript snippet: the customer's line and the agent's answer, on two lines in one cell
        text = `${locale === 'en' ? 'Customer' : 'Kundin'}: ${text}\n${pick(AGENT_REPLIES[phrase.sentiment][locale])}`;
        stage = next() < 0.7 ? STAGES[phrase.stage]![locale] : '';
        reference = `CHAT-${(0x3a000 + i * 13).toString(16).toUpperCase()}`;
        break;
      case 'appReview':
      case 'trustpilot':
      case 'google':
        text = `${pick(REVIEW_TITLES[phrase.sentiment][locale])}. ${text}`;
        score = locale === 'en' ? `${stars}/5` : next() < 0.5 ? `${stars} von 5` : `${'★'.repeat(stars)}${'☆'.repeat(5 - stars)}`;
        reference = kind.kind === 'trustpilot' ? `https://www.trustpilot.com/reviews/6${(i * 7919).toString(16).padStart(7, '0')}` : kind.kind === 'google' ? `Google Maps – ${store}` : `App Store ${locale === 'en' ? 'UK' : 'DE'}`;
        sentiment = '';
        break;
      case 'nps': {
        const nps = phrase.sentiment === 'positive' ? 9 + Math.floor(next() * 2) : phrase.sentiment === 'neutral' ? 7 + Math.floor(next() * 2) : Math.floor(next() * 7);
        score = String(nps);
        reference = `NPS-2026-Q1-${String(1000 + i)}`;
        stage = next() < 0.4 ? STAGES[phrase.stage]![locale] : '';
        break;
      }
    }
    // now and then a cell a spreadsheet would take for a formula, as customers really type them
    const review = kind.kind !== 'hotline' && kind.kind !== 'chat';
    if (review && i % 7 === 3 && phrase.sentiment === 'positive') text = locale === 'en' ? `+1 for the staff in ${store}. ${text}` : `+1 für das Team in ${store}. ${text}`;
    else if (review && i % 5 === 2 && phrase.sentiment === 'positive') text = `=) ${text}`;
    rows.push({ date, source: kind.source[locale], text, score, stage, channel: kind.channel[locale], reference, sentiment });
  }
  // a log reads oldest first
  return rows.sort((a, b) => sortableDate(a.date, locale).localeCompare(sortableDate(b.date, locale)));
}

function sortableDate(date: string, locale: Locale): string {
  return locale === 'en' ? date : `${date.slice(6, 10)}-${date.slice(3, 5)}-${date.slice(0, 2)}`;
}

const HEADERS: Record<Locale, string[]> = {
  en: ['Date', 'Source', 'Customer feedback', 'Rating', 'Journey stage', 'Channel', 'Reference', 'Sentiment'],
  de: ['Datum', 'Quelle', 'Kommentar', 'Bewertung', 'Schritt', 'Kanal', 'Ticket-Nr.', 'Stimmung'],
};

/** The rows as the export of a feedback tool writes them: English with commas and LF, German like Excel (BOM, semicolons, CRLF). */
export function retailFeedbackCsv(locale: Locale, count: number, seed = 18): string {
  const separator = locale === 'en' ? ',' : ';';
  const quote = (cell: string) => (cell.includes(separator) || /["\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const lines = [HEADERS[locale].join(separator)];
  for (const row of retailFeedbackRows(locale, count, seed)) {
    lines.push([row.date, row.source, row.text, row.score, row.stage, row.channel, row.reference, row.sentiment].map(quote).join(separator));
  }
  return locale === 'en' ? `${lines.join('\n')}\n` : `\ufeff${lines.join('\r\n')}\r\n`;
}
