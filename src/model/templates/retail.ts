import type { Localized, TemplateSource } from './types';
import { RETAIL_NEEDS } from './needs';
import { STANDARD_LANES, STANDARD_PHASES } from './standard';

/*
 * Omnichannel retail: an outdoor and sports-gear chain with web shop, app and stores.
 * One family buys hiking boots and rain jackets, one trail runner buys in the app; the map
 * follows both from first inspiration through delivery, a return, a complaint and a repair.
 */

const OMNICHANNEL: Localized = { en: 'Omnichannel', de: 'Omnichannel' };
const QUICK_WIN: Localized = { en: 'Quick win', de: 'Quick Win' };
const SIZING: Localized = { en: 'Sizing', de: 'Passform' };
const STOCK: Localized = { en: 'Stock accuracy', de: 'Bestandsgenauigkeit' };
const CLICK_COLLECT: Localized = { en: 'Click & Collect', de: 'Click & Collect' };
const SUSTAINABILITY: Localized = { en: 'Sustainability', de: 'Nachhaltigkeit' };

export const retailTemplate: TemplateSource = {
  key: 'retail',
  title: { en: 'Omnichannel retail purchase', de: 'Omnichannel-Kauf im Handel' },
  description: {
    en: 'From first inspiration to repair: how customers of an outdoor and sports retailer move between web shop, app and store, including delivery, returns and complaints.',
    de: 'Von der ersten Inspiration bis zur Reparatur: wie Kundinnen und Kunden eines Outdoor- und Sporthändlers zwischen Webshop, App und Filiale wechseln – inklusive Lieferung, Retoure und Reklamation.',
  },
  phases: STANDARD_PHASES,
  lanes: STANDARD_LANES,

  personas: [
    {
      key: 'parent',
      name: { en: 'Julia Berger', de: 'Julia Berger' },
      age: '41',
      role: {
        en: 'Working parent of two; researches online, buys in store',
        de: 'Berufstätige Mutter von zwei Kindern; recherchiert online, kauft in der Filiale',
      },
      quote: {
        en: 'I read reviews at eleven at night, but the kids try the boots on before I pay.',
        de: 'Bewertungen lese ich abends um elf – aber bevor ich zahle, probieren die Kinder die Schuhe an.',
      },
      goals: [
        {
          en: 'Get the right gear for the whole family in one trip',
          de: 'Die passende Ausrüstung für die ganze Familie mit einem Einkauf besorgen',
        },
        {
          en: 'Reliable advice on fit and quality',
          de: 'Verlässliche Beratung zu Passform und Qualität',
        },
        {
          en: 'Keep shopping short around work and school',
          de: 'Neben Job und Schule möglichst wenig Zeit mit Einkaufen verbringen',
        },
      ],
      frustrations: [
        {
          en: 'Items shown as in stock online that are missing from the shelf',
          de: 'Online als vorrätig angezeigte Artikel, die im Regal fehlen',
        },
        {
          en: 'Queues at the till and no staff in sight on Saturdays',
          de: 'Schlangen an der Kasse und kein Personal in Sicht am Samstag',
        },
        {
          en: 'Returns that end with a voucher instead of a refund',
          de: 'Rückgaben, die mit einem Gutschein statt mit einer Erstattung enden',
        },
      ],
      color: '#0f766e',
    },
    {
      key: 'digital',
      name: { en: 'Can Demir', de: 'Can Demir' },
      age: '23',
      role: {
        en: 'Student and trail runner; app-first bargain hunter',
        de: 'Student und Trailrunner; kauft am liebsten per App und zum besten Preis',
      },
      quote: {
        en: 'If the app is cheaper than the shelf, why would I drive to the store?',
        de: 'Wenn es in der App günstiger ist als im Regal, warum sollte ich dann in die Filiale fahren?',
      },
      goals: [
        {
          en: 'Get the best price without hours of comparing',
          de: 'Den besten Preis finden, ohne stundenlang zu vergleichen',
        },
        {
          en: 'Order, track and return everything from the phone',
          de: 'Bestellen, Sendung verfolgen, zurückschicken – alles per Smartphone',
        },
        {
          en: 'Gear that holds up on long trail runs',
          de: 'Ausrüstung, die auch auf langen Trailläufen durchhält',
        },
      ],
      frustrations: [
        {
          en: 'Vouchers with exclusions hidden in the small print',
          de: 'Gutscheine mit Ausschlüssen im Kleingedruckten',
        },
        {
          en: 'Chatbots that never hand over to a person',
          de: 'Chatbots, die nie an einen Menschen übergeben',
        },
        {
          en: 'Waiting two weeks for a refund',
          de: 'Zwei Wochen auf die Erstattung warten',
        },
      ],
      color: '#c2410c',
    },
  ],

  stages: [
    {
      key: 'awareness',
      phase: 'pre-purchase',
      name: { en: 'Awareness', de: 'Aufmerksamkeit' },
      description: {
        en: 'Julia and Can are not shopping yet: a planned hiking holiday and a post in a feed make them wonder whether they need new gear. What is at stake is whether we are the brand they think of first; ads that ignore their situation are just noise.',
        de: 'Julia und Can kaufen noch nicht ein: Ein geplanter Wanderurlaub und ein Post im Feed bringen sie auf die Frage, ob neue Ausrüstung fällig ist. Hier entscheidet sich, ob sie zuerst an uns denken – Werbung, die an ihrer Situation vorbeigeht, ist nur Rauschen.',
      },
    },
    {
      key: 'consideration',
      phase: 'pre-purchase',
      name: { en: 'Consideration', de: 'Abwägung' },
      description: {
        en: 'Now they compare models, read reviews and try to get the size right, online and in the store. At stake is trust: if the website says “in stock” and the shelf is empty, they buy somewhere else.',
        de: 'Jetzt vergleichen sie Modelle, lesen Bewertungen und wollen die richtige Größe finden – online wie in der Filiale. Es geht um Vertrauen: Steht online „vorrätig“ und das Regal ist leer, kaufen sie woanders.',
      },
    },
    {
      key: 'purchase',
      phase: 'purchase',
      name: { en: 'Purchase', de: 'Kauf' },
      description: {
        en: 'Julia buys in the store once the kids have tried everything on; Can checks out in the app with a voucher. The decision is made, and we must not lose it at the till or to a voucher that fails without a reason.',
        de: 'Julia kauft in der Filiale, nachdem die Kinder alles anprobiert haben; Can bestellt per App mit Gutschein. Die Entscheidung ist gefallen – jetzt darf sie nicht an der Kassenschlange oder an einem kommentarlos abgelehnten Gutschein scheitern.',
      },
    },
    {
      key: 'delivery',
      phase: 'purchase',
      name: { en: 'Delivery / pick-up', de: 'Lieferung / Abholung' },
      description: {
        en: 'They want the gear in their hands before leaving on Friday, by parcel or Click & Collect. A delay nobody mentions, or an order the desk cannot find, turns the joy of buying into worry.',
        de: 'Die Ausrüstung soll vor der Abreise am Freitag da sein – per Paket oder Click & Collect. Eine Verspätung ohne Nachricht oder eine Bestellung, die am Schalter niemand findet, macht aus Vorfreude Sorge.',
      },
    },
    {
      key: 'use',
      phase: 'post-purchase',
      name: { en: 'Use', de: 'Nutzung' },
      description: {
        en: 'The first hike is the moment of truth: does the gear keep its promise in the rain? This is the high point of the journey, and our best chance to earn reviews and recommendations.',
        de: 'Die erste Wanderung ist der Moment der Wahrheit: Hält die Ausrüstung im Regen, was sie verspricht? Das ist der Höhepunkt der Journey – und unsere beste Chance auf Bewertungen und Empfehlungen.',
      },
    },
    {
      key: 'return',
      phase: 'post-purchase',
      name: { en: 'Return', de: 'Retoure' },
      description: {
        en: 'Boots that do not fit have to go back, by post or in the store, with as little effort as possible. What is at stake is the next purchase: a slow refund, or a voucher instead of money, leaves a bad aftertaste.',
        de: 'Schuhe, die nicht passen, sollen mit möglichst wenig Aufwand zurück – per Post oder in der Filiale. Es geht um den nächsten Einkauf: Eine langsame Erstattung oder ein Gutschein statt Geld hinterlassen einen schalen Nachgeschmack.',
      },
    },
    {
      key: 'complaint',
      phase: 'post-purchase',
      name: { en: 'Complaint', de: 'Reklamation' },
      description: {
        en: 'Six weeks in, a rain jacket leaks at the seam, and the customer wants to be taken seriously without telling the story again on every channel. This is the low point of the journey: how we respond decides whether they stay.',
        de: 'Nach sechs Wochen ist eine Regenjacke an der Naht undicht, und die Kundschaft will ernst genommen werden, ohne alles in jedem Kanal neu zu erzählen. Das ist der Tiefpunkt der Journey: Wie wir reagieren, entscheidet, ob sie bleibt.',
      },
    },
    {
      key: 'repair',
      phase: 'post-purchase',
      name: { en: 'Repair', de: 'Reparatur' },
      description: {
        en: 'The jacket goes in for repair; the customer wants it back in time for the next trip and to know where it stands meanwhile. A good repair can win back the trust the complaint cost us.',
        de: 'Die Jacke geht in die Reparatur; die Kundschaft will sie rechtzeitig zur nächsten Tour zurück und zwischendurch wissen, wie es um sie steht. Eine gute Reparatur kann das Vertrauen zurückgewinnen, das die Reklamation gekostet hat.',
      },
    },
  ],

  cards: [
    // ── Awareness ────────────────────────────────────────────────────────────
    {
      stage: 'awareness',
      lane: 'actions',
      title: { en: 'Realises the kids have outgrown their boots', de: 'Merkt, dass die Kinderschuhe zu klein sind' },
      body: {
        en: 'While planning the summer hiking holiday, she finds that neither child fits their boots from last year.',
        de: 'Bei der Planung des Wanderurlaubs stellt sie fest, dass beiden Kindern die Schuhe vom letzten Jahr nicht mehr passen.',
      },
      personas: ['parent'],
    },
    {
      stage: 'awareness',
      lane: 'actions',
      title: { en: 'Saves a jacket review from his social feed', de: 'Speichert ein Jacken-Review aus dem Feed' },
      body: {
        en: 'A trail-running creator tests a lightweight rain jacket; he saves the post to look at later.',
        de: 'Eine Trailrunning-Creatorin testet eine leichte Regenjacke; er speichert den Post für später.',
      },
      personas: ['digital'],
    },
    {
      stage: 'awareness',
      lane: 'touchpoints',
      title: { en: 'Creator content on Instagram and TikTok', de: 'Creator-Content auf Instagram und TikTok' },
      body: {
        en: 'Sponsored gear tests and trail videos with a direct link to the product page in the app.',
        de: 'Gesponserte Ausrüstungstests und Trail-Videos mit Direktlink zur Produktseite in der App.',
      },
      channel: 'social',
    },
    {
      stage: 'awareness',
      lane: 'touchpoints',
      title: { en: 'Shop window and seasonal display', de: 'Schaufenster und saisonale Aktionsfläche' },
      body: {
        en: 'A hiking-themed window and a pitched tent at the entrance draw in passers-by.',
        de: 'Ein Schaufenster zum Thema Wandern und ein aufgebautes Zelt am Eingang locken Laufkundschaft an.',
      },
      channel: 'store',
    },
    {
      stage: 'awareness',
      lane: 'thoughts',
      title: {
        en: 'Do I really need new gear, or will the old stuff last?',
        de: 'Brauche ich wirklich Neues, oder hält das Alte noch?',
      },
    },
    {
      stage: 'awareness',
      lane: 'emotions',
      title: { en: 'Curious and open to ideas', de: 'Neugierig und offen für Ideen' },
      body: {
        en: 'Nothing is decided yet: inspiration is welcome, sales pressure is not.',
        de: 'Noch ist nichts entschieden: Inspiration ist willkommen, Verkaufsdruck nicht.',
      },
      emotion: 1,
    },
    {
      stage: 'awareness',
      lane: 'pains',
      title: { en: 'Ads ignore what the customer actually does', de: 'Werbung geht an den eigenen Aktivitäten vorbei' },
      body: {
        en: 'Someone who only hikes keeps seeing ski ads, so the brand’s messages start to feel like noise.',
        de: 'Wer nur wandert, bekommt ständig Skiwerbung angezeigt – die Botschaften der Marke werden zum Grundrauschen.',
      },
    },
    {
      stage: 'awareness',
      lane: 'opportunities',
      title: { en: 'Promote local store events in social ads', de: 'Filial-Events in Social Ads bewerben' },
      body: {
        en: 'Advertise free tour-planning evenings at the nearest store to turn online reach into store visits.',
        de: 'Kostenlose Tourenplanungsabende in der nächstgelegenen Filiale bewerben und so aus Reichweite echte Besuche machen.',
      },
      tags: [OMNICHANNEL],
    },
    {
      stage: 'awareness',
      lane: 'backstage',
      title: { en: 'Campaigns planned against confirmed stock', de: 'Kampagnen nur für bestätigte Ware planen' },
      body: {
        en: 'Marketing and merchandising only schedule seasonal campaigns for products with confirmed inbound deliveries.',
        de: 'Marketing und Category Management planen Saisonkampagnen nur für Artikel mit bestätigtem Wareneingang.',
      },
      actor: { en: 'Marketing', de: 'Marketing' },
    },
    {
      stage: 'awareness',
      lane: 'metrics',
      title: { en: 'Paid social CTR ≥ 1.2 %', de: 'Paid-Social-CTR ≥ 1,2 %' },
      body: {
        en: 'Tracked per campaign and audience; below target, the creatives are reworked.',
        de: 'Gemessen je Kampagne und Zielgruppe; liegt der Wert darunter, werden die Creatives überarbeitet.',
      },
    },

    // ── Consideration ────────────────────────────────────────────────────────
    {
      stage: 'consideration',
      lane: 'actions',
      title: { en: 'Compares models and reads reviews', de: 'Vergleicht Modelle und liest Bewertungen' },
      body: {
        en: 'Filters by waterproof rating and weight, reads reviews and watches the fit video on the product page.',
        de: 'Filtert nach Wassersäule und Gewicht, liest Bewertungen und schaut sich das Passform-Video auf der Produktseite an.',
      },
    },
    {
      stage: 'consideration',
      lane: 'actions',
      title: { en: 'Checks stock at the nearest store', de: 'Prüft den Bestand in der nächsten Filiale' },
      body: {
        en: 'Looks up whether both children’s sizes are available before driving over on Saturday.',
        de: 'Schaut nach, ob beide Kindergrößen vorrätig sind, bevor es am Samstag in die Filiale geht.',
      },
      personas: ['parent'],
      tags: [STOCK],
    },
    {
      stage: 'consideration',
      lane: 'touchpoints',
      title: { en: 'Product page with reviews and size chart', de: 'Produktseite mit Bewertungen und Größentabelle' },
      body: {
        en: 'Filters, customer photos, a size chart and a live stock indicator for each store.',
        de: 'Filter, Kundenfotos, Größentabelle und eine Live-Bestandsanzeige für jede Filiale.',
      },
      channel: 'web',
    },
    {
      stage: 'consideration',
      lane: 'touchpoints',
      title: { en: 'In-store fitting advice', de: 'Beratung in der Filiale' },
      body: {
        en: 'Staff measure feet and let customers test boots on the in-store slope ramp.',
        de: 'Mitarbeitende vermessen die Füße, auf der Testrampe lassen sich die Schuhe direkt ausprobieren.',
      },
      channel: 'store',
      personas: ['parent'],
    },
    {
      stage: 'consideration',
      lane: 'thoughts',
      title: { en: 'Is this the right size for me?', de: 'Ist das überhaupt die richtige Größe für mich?' },
      body: {
        en: 'Every brand fits differently, and I’ve been caught out before.',
        de: 'Jede Marke fällt anders aus, da bin ich schon mal reingefallen.',
      },
      tags: [SIZING],
    },
    {
      stage: 'consideration',
      lane: 'thoughts',
      title: { en: 'Will it be cheaper somewhere else next week?', de: 'Gibt es das nächste Woche woanders günstiger?' },
      personas: ['digital'],
    },
    {
      stage: 'consideration',
      lane: 'emotions',
      title: { en: 'Torn between too many options', de: 'Hin- und hergerissen bei zu viel Auswahl' },
      body: {
        en: 'Still motivated, but comparison fatigue sets in after the fifth near-identical jacket.',
        de: 'Noch motiviert, doch nach der fünften fast identischen Jacke setzt Vergleichsmüdigkeit ein.',
      },
      emotion: 0,
    },
    {
      key: 'stock-wrong',
      stage: 'consideration',
      lane: 'pains',
      title: { en: 'In stock online, empty shelf in store', de: 'Online verfügbar, im Regal leer' },
      body: {
        en: 'The website showed size 34 as available, but the store had sold out the day before, so the trip was wasted.',
        de: 'Die Website zeigte Größe 34 als vorrätig, die Filiale war aber seit dem Vortag ausverkauft – der Weg war umsonst.',
      },
      personas: ['parent'],
      tags: [STOCK, OMNICHANNEL],
    },
    {
      key: 'size-guess',
      stage: 'consideration',
      lane: 'pains',
      title: { en: 'No reliable size guidance online', de: 'Keine verlässliche Größenberatung online' },
      body: {
        en: 'Size charts vary by brand and reviews contradict each other, so ordering two sizes feels like the safe bet.',
        de: 'Größentabellen unterscheiden sich je nach Marke, Bewertungen widersprechen sich – also lieber gleich zwei Größen bestellen.',
      },
      personas: ['digital'],
      tags: [SIZING],
    },
    {
      key: 'fit-tool',
      stage: 'consideration',
      lane: 'opportunities',
      title: { en: 'Size advisor based on past purchases', de: 'Größenberater auf Basis früherer Käufe' },
      body: {
        en: 'Recommends a size from the customer’s previous purchases and returns plus brand-specific fit data.',
        de: 'Empfiehlt eine Größe anhand bisheriger Käufe und Retouren sowie markenspezifischer Passformdaten.',
      },
      tags: [SIZING],
    },
    {
      key: 'stock-sync',
      stage: 'consideration',
      lane: 'backstage',
      title: { en: 'Store stock synced to the web only overnight', de: 'Filialbestand wird nur nachts synchronisiert' },
      body: {
        en: 'The till system sends inventory to the web shop in a nightly batch, so same-day sales are not reflected.',
        de: 'Das Kassensystem überträgt die Bestände einmal nachts an den Webshop; Abverkäufe vom selben Tag fehlen.',
      },
      tags: [STOCK],
      actor: { en: 'E-commerce team', de: 'E-Commerce-Team' },
    },
    {
      stage: 'consideration',
      lane: 'metrics',
      title: { en: 'Store stock accuracy ≥ 98 %', de: 'Bestandsgenauigkeit Filiale ≥ 98 %' },
      body: {
        en: 'Checked weekly through cycle counts against the system stock shown online.',
        de: 'Wöchentlich per rollierender Stichprobeninventur gegen den online angezeigten Systembestand geprüft.',
      },
      tags: [STOCK],
    },

    // ── Purchase ─────────────────────────────────────────────────────────────
    {
      stage: 'purchase',
      lane: 'actions',
      title: { en: 'Tries on and buys in store', de: 'Probiert an und kauft in der Filiale' },
      body: {
        en: 'Tries both sizes with the kids, pays at the till and collects points on her loyalty card.',
        de: 'Probiert mit den Kindern beide Größen an, zahlt an der Kasse und sammelt Punkte mit der Kundenkarte.',
      },
      personas: ['parent'],
    },
    {
      stage: 'purchase',
      lane: 'actions',
      title: { en: 'Checks out in the app with a voucher', de: 'Bestellt in der App mit Gutschein' },
      body: {
        en: 'Pays with PayPal, redeems the app-only 10 % code and chooses delivery to a parcel locker.',
        de: 'Zahlt per PayPal, löst den 10-%-App-Gutschein ein und wählt die Lieferung an eine Paketstation.',
      },
      personas: ['digital'],
    },
    {
      stage: 'purchase',
      lane: 'touchpoints',
      title: { en: 'App checkout with saved payment method', de: 'App-Checkout mit hinterlegter Zahlart' },
      body: {
        en: 'Three-step checkout with PayPal, Apple Pay, card or invoice; the delivery date is shown from the first step.',
        de: 'Checkout in drei Schritten mit PayPal, Apple Pay, Karte oder Rechnung; der Liefertermin steht ab dem ersten Schritt fest.',
      },
      channel: 'app',
      momentOfTruth: true,
    },
    {
      stage: 'purchase',
      lane: 'touchpoints',
      title: { en: 'Till and mobile payment in store', de: 'Kasse und mobiles Bezahlen in der Filiale' },
      body: {
        en: 'On busy days, staff take payment on a handheld device right on the shop floor.',
        de: 'An vollen Tagen kassieren Mitarbeitende per Handheld direkt auf der Fläche.',
      },
      channel: 'store',
    },
    {
      stage: 'purchase',
      lane: 'thoughts',
      title: { en: 'I hope the voucher code actually works.', de: 'Hoffentlich funktioniert der Gutscheincode auch.' },
      personas: ['digital'],
    },
    {
      stage: 'purchase',
      lane: 'emotions',
      title: { en: 'Confident and looking forward to the trip', de: 'Sicher und voller Vorfreude' },
      body: {
        en: 'The decision is made and the trip feels closer; a smooth payment confirms the choice.',
        de: 'Die Entscheidung ist gefallen, die Tour rückt näher – ein reibungsloser Bezahlvorgang bestätigt die Wahl.',
      },
      emotion: 2,
    },
    {
      stage: 'purchase',
      lane: 'pains',
      title: { en: 'Voucher rejected without a reason', de: 'Gutschein ohne Begründung abgelehnt' },
      body: {
        en: 'The app code does not apply to reduced items, but the error message only says “invalid code”.',
        de: 'Der App-Code gilt nicht für reduzierte Ware, die Fehlermeldung sagt aber nur „Code ungültig“.',
      },
      personas: ['digital'],
    },
    {
      stage: 'purchase',
      lane: 'pains',
      title: { en: 'Long queues at the till on Saturdays', de: 'Lange Schlangen an der Kasse am Samstag' },
      body: {
        en: 'With two impatient children, a 15-minute queue is enough to leave the boots behind.',
        de: 'Mit zwei ungeduldigen Kindern reicht eine Viertelstunde Wartezeit, um die Schuhe liegen zu lassen.',
      },
      personas: ['parent'],
    },
    {
      stage: 'purchase',
      lane: 'opportunities',
      title: { en: 'Show voucher rules before checkout', de: 'Gutscheinbedingungen vor dem Checkout zeigen' },
      body: {
        en: 'State on the product page whether a code applies and, if not, why.',
        de: 'Schon auf der Produktseite anzeigen, ob ein Code gilt – und falls nicht, warum.',
      },
      tags: [QUICK_WIN],
    },
    {
      stage: 'purchase',
      lane: 'opportunities',
      title: { en: 'Scan & Go with the app in store', de: 'Scan & Go per App in der Filiale' },
      body: {
        en: 'Customers scan items themselves, pay in the app and show the digital receipt at the exit.',
        de: 'Artikel selbst scannen, in der App bezahlen und den digitalen Beleg am Ausgang vorzeigen.',
      },
      tags: [OMNICHANNEL],
    },
    {
      stage: 'purchase',
      lane: 'backstage',
      title: { en: 'Payment, fraud check and order routing', de: 'Zahlung, Betrugsprüfung und Auftragssteuerung' },
      body: {
        en: 'The order management system scores fraud risk and routes each order to the warehouse or a store with stock.',
        de: 'Das Order-Management-System bewertet das Betrugsrisiko und leitet jeden Auftrag ans Zentrallager oder an eine Filiale mit Bestand.',
      },
      actor: { en: 'Order management', de: 'Auftragsmanagement' },
    },
    {
      stage: 'purchase',
      lane: 'metrics',
      title: { en: 'Conversion rate web 2.8 %, app 4.5 %', de: 'Conversion-Rate Web 2,8 %, App 4,5 %' },
      body: {
        en: 'Sessions with an order, reported weekly by traffic source.',
        de: 'Sitzungen mit Bestellung, wöchentlich nach Traffic-Quelle ausgewertet.',
      },
    },

    // ── Delivery / pick-up ───────────────────────────────────────────────────
    {
      stage: 'delivery',
      lane: 'actions',
      title: { en: 'Tracks the parcel in the app', de: 'Verfolgt die Sendung in der App' },
      body: {
        en: 'Checks the tracking several times a day and collects the parcel from the locker after work.',
        de: 'Schaut mehrmals täglich ins Tracking und holt das Paket nach Feierabend an der Paketstation ab.',
      },
      personas: ['digital'],
    },
    {
      stage: 'delivery',
      lane: 'actions',
      title: { en: 'Collects a Click & Collect order', de: 'Holt eine Click-&-Collect-Bestellung ab' },
      body: {
        en: 'Ordered the rain jackets online and picks them up at the service desk on the way home.',
        de: 'Hat die Regenjacken online bestellt und holt sie auf dem Heimweg an der Servicetheke ab.',
      },
      personas: ['parent'],
      tags: [CLICK_COLLECT],
    },
    {
      stage: 'delivery',
      lane: 'touchpoints',
      title: { en: 'Carrier delivery and parcel locker', de: 'Zustellung per Paketdienst und Paketstation' },
      body: {
        en: 'For many online customers, the handover by the carrier is their only physical contact with the brand.',
        de: 'Für viele Onlinekundinnen und -kunden ist die Übergabe durch den Paketdienst der einzige physische Kontakt mit der Marke.',
      },
      channel: 'delivery',
    },
    {
      stage: 'delivery',
      lane: 'touchpoints',
      title: { en: 'Click & Collect service desk', de: 'Click-&-Collect-Theke in der Filiale' },
      body: {
        en: 'Pick-up with a QR code at a dedicated desk; the promise is “ready within two hours”.',
        de: 'Abholung per QR-Code an einer eigenen Theke; das Versprechen lautet „in zwei Stunden abholbereit“.',
      },
      channel: 'store',
      tags: [CLICK_COLLECT],
    },
    {
      stage: 'delivery',
      lane: 'thoughts',
      title: { en: 'Will it arrive before we leave on Friday?', de: 'Kommt das noch vor unserer Abreise am Freitag an?' },
    },
    {
      key: 'delivery-anxious',
      stage: 'delivery',
      lane: 'emotions',
      title: { en: 'Anxious about the delay', de: 'Nervös wegen der Verspätung' },
      body: {
        en: 'One day without a tracking update is enough to start worrying about the planned trip.',
        de: 'Ein Tag ohne Tracking-Update genügt, und die Sorge um die geplante Tour wächst.',
      },
      emotion: -1,
    },
    {
      key: 'no-update',
      stage: 'delivery',
      lane: 'pains',
      title: { en: 'Delay not communicated proactively', de: 'Verspätung wird nicht proaktiv gemeldet' },
      body: {
        en: 'The parcel sits at the hub for two days, and the customer only finds out by checking the tracking.',
        de: 'Das Paket liegt zwei Tage im Verteilzentrum – das erfährt man nur, wenn man selbst ins Tracking schaut.',
      },
    },
    {
      stage: 'delivery',
      lane: 'pains',
      title: { en: 'Click & Collect order not found at the desk', de: 'Abholbestellung an der Theke nicht auffindbar' },
      body: {
        en: 'The “ready for pick-up” email has arrived, yet staff spend ten minutes searching the back room.',
        de: 'Die Mail „Abholbereit“ ist da, trotzdem suchen die Mitarbeitenden zehn Minuten im Lager nach dem Paket.',
      },
      personas: ['parent'],
      tags: [CLICK_COLLECT],
    },
    {
      stage: 'delivery',
      lane: 'opportunities',
      title: { en: 'Proactive delay alerts with alternatives', de: 'Proaktive Verspätungsinfo mit Alternativen' },
      body: {
        en: 'Push and email within an hour of a carrier exception, offering store pick-up or a voucher.',
        de: 'Push-Nachricht und E-Mail binnen einer Stunde nach einer Zustellstörung, mit Angebot zur Filialabholung oder einem Gutschein.',
      },
      tags: [OMNICHANNEL],
    },
    {
      stage: 'delivery',
      lane: 'backstage',
      title: { en: 'Carrier exceptions stop at the service dashboard', de: 'Zustellstörungen landen nur im Service-Dashboard' },
      body: {
        en: 'Delay events arrive via the carrier API but only raise an internal alert; nothing is sent to the customer.',
        de: 'Verspätungen kommen per API vom Paketdienst, lösen aber nur einen internen Alarm aus – an die Kundschaft geht nichts.',
      },
      actor: { en: 'Customer service', de: 'Kundenservice' },
    },
    {
      stage: 'delivery',
      lane: 'metrics',
      title: { en: 'On-time delivery ≥ 95 %', de: 'Termintreue Zustellung ≥ 95 %' },
      body: {
        en: 'Parcels delivered within the date window promised at checkout.',
        de: 'Anteil der Pakete, die im beim Checkout zugesagten Zeitfenster ankommen.',
      },
    },
    {
      stage: 'delivery',
      lane: 'metrics',
      title: { en: 'Click & Collect ready within 2 h ≥ 90 %', de: 'Click & Collect in 2 Std. abholbereit ≥ 90 %' },
      body: {
        en: 'Measured from order confirmation to the “ready” scan in store.',
        de: 'Gemessen von der Bestellbestätigung bis zum Bereitstellungs-Scan in der Filiale.',
      },
      tags: [CLICK_COLLECT],
    },

    // ── Use ──────────────────────────────────────────────────────────────────
    {
      stage: 'use',
      lane: 'actions',
      title: { en: 'Takes the new gear on the first hike', de: 'Nimmt die neue Ausrüstung mit auf die erste Tour' },
      body: {
        en: 'A 12 km family hike in steady rain: the first real test for the boots and jackets.',
        de: 'Zwölf Kilometer Familienwanderung bei Dauerregen – der erste echte Test für Schuhe und Jacken.',
      },
      personas: ['parent'],
      momentOfTruth: true,
    },
    {
      stage: 'use',
      lane: 'actions',
      title: { en: 'Shares photos and writes a review', de: 'Teilt Fotos und schreibt eine Bewertung' },
      body: {
        en: 'Posts a summit photo tagging the brand and leaves a five-star review when the app asks.',
        de: 'Postet ein Gipfelfoto mit Marken-Tag und gibt nach der Aufforderung in der App fünf Sterne.',
      },
      personas: ['digital'],
    },
    {
      stage: 'use',
      lane: 'touchpoints',
      title: { en: 'Care tips and review request', de: 'Pflegetipps und Bewertungsanfrage' },
      body: {
        en: 'Sent ten days after delivery: how to reproof the jacket, plus a request for a rating.',
        de: 'Zehn Tage nach Zustellung: wie man die Jacke neu imprägniert, dazu die Bitte um eine Bewertung.',
      },
      channel: 'email',
    },
    {
      stage: 'use',
      lane: 'touchpoints',
      title: { en: 'Community posts and brand hashtag', de: 'Community-Beiträge und Marken-Hashtag' },
      body: {
        en: 'Customers share trip photos; the social team reposts the best ones with permission.',
        de: 'Kundinnen und Kunden teilen Tourenfotos; das Social-Media-Team teilt die besten mit deren Einverständnis.',
      },
      channel: 'social',
    },
    {
      stage: 'use',
      lane: 'thoughts',
      title: { en: 'Dry feet after six hours of rain, worth every euro', de: 'Nach sechs Stunden Regen trockene Füße – jeden Euro wert' },
    },
    {
      stage: 'use',
      lane: 'emotions',
      title: { en: 'Delighted on the first outing', de: 'Begeistert von der ersten Tour' },
      body: {
        en: 'The gear delivers exactly when it matters, and the purchase feels fully justified.',
        de: 'Die Ausrüstung hält genau dann, was sie verspricht, wenn es darauf ankommt – der Kauf hat sich gelohnt.',
      },
      emotion: 3,
    },
    {
      stage: 'use',
      lane: 'pains',
      title: { en: 'Care instructions are hard to find', de: 'Pflegehinweise sind schwer zu finden' },
      body: {
        en: 'The wash label is tiny and the PDF is buried in the website’s download section.',
        de: 'Das Waschetikett ist winzig, und das PDF versteckt sich im Downloadbereich der Website.',
      },
    },
    {
      stage: 'use',
      lane: 'opportunities',
      title: { en: 'Care guide via QR code on the hangtag', de: 'Pflegeanleitung per QR-Code am Etikett' },
      body: {
        en: 'Links to a short video and the product’s care page, also available from the purchase history in the app.',
        de: 'Führt zu einem kurzen Video und zur Pflegeseite des Produkts – auch über die Kaufhistorie in der App abrufbar.',
      },
      tags: [QUICK_WIN, SUSTAINABILITY],
    },
    {
      stage: 'use',
      lane: 'backstage',
      title: { en: 'Review moderation feeds back to buying', de: 'Bewertungen fließen zurück an den Einkauf' },
      body: {
        en: 'Reviews are published within 48 hours; recurring defects are flagged to buyers and suppliers.',
        de: 'Bewertungen werden binnen 48 Stunden freigeschaltet; wiederkehrende Mängel gehen an Einkauf und Lieferanten.',
      },
      actor: { en: 'Buying team', de: 'Einkauf' },
    },
    {
      stage: 'use',
      lane: 'metrics',
      title: { en: 'Average product rating ≥ 4.5 stars', de: 'Ø Produktbewertung ≥ 4,5 Sterne' },
      body: {
        en: 'Per product over the last 90 days, with at least 20 reviews.',
        de: 'Je Produkt über die letzten 90 Tage, bei mindestens 20 Bewertungen.',
      },
    },

    // ── Return ───────────────────────────────────────────────────────────────
    {
      key: 'return-size',
      stage: 'return',
      lane: 'actions',
      title: { en: 'Sends back the pair that doesn’t fit', de: 'Schickt das unpassende Paar zurück' },
      body: {
        en: 'Ordered the trail shoes in two sizes, registers the return in the app and drops the smaller pair at a parcel shop.',
        de: 'Hat die Trailschuhe in zwei Größen bestellt, meldet die Retoure in der App an und gibt das kleinere Paar im Paketshop ab.',
      },
      personas: ['digital'],
      tags: [SIZING],
    },
    {
      stage: 'return',
      lane: 'actions',
      title: { en: 'Returns an online order in store', de: 'Gibt eine Onlinebestellung in der Filiale zurück' },
      body: {
        en: 'Brings back a jacket that is too big, hoping to exchange it on the spot.',
        de: 'Bringt die zu große Jacke in die Filiale und hofft, sie direkt vor Ort umtauschen zu können.',
      },
      personas: ['parent'],
      tags: [OMNICHANNEL],
    },
    {
      stage: 'return',
      lane: 'touchpoints',
      title: { en: 'Returns portal in app and web', de: 'Retourenportal in App und Web' },
      body: {
        en: 'Select items, give a reason, get a QR code; no printer needed.',
        de: 'Artikel auswählen, Grund angeben, QR-Code erhalten – ganz ohne Drucker.',
      },
      channel: 'app',
    },
    {
      stage: 'return',
      lane: 'touchpoints',
      title: { en: 'Returns and exchange desk in store', de: 'Retouren- und Umtauschtheke in der Filiale' },
      body: {
        en: 'Staff accept online returns, check the condition and exchange or refund straight away.',
        de: 'Das Filialteam nimmt Onlineretouren an, prüft den Zustand und tauscht um oder erstattet sofort.',
      },
      channel: 'store',
      momentOfTruth: true,
    },
    {
      stage: 'return',
      lane: 'thoughts',
      title: { en: 'How long until I get my money back?', de: 'Wie lange dauert es, bis ich mein Geld zurückhabe?' },
      personas: ['digital'],
    },
    {
      stage: 'return',
      lane: 'emotions',
      title: { en: 'Annoyed by the extra effort', de: 'Genervt vom zusätzlichen Aufwand' },
      body: {
        en: 'Returning feels like a chore and lost time, even when the process itself works.',
        de: 'Die Rücksendung fühlt sich nach lästiger Pflicht und verlorener Zeit an, selbst wenn der Ablauf funktioniert.',
      },
      emotion: -2,
    },
    {
      stage: 'return',
      lane: 'pains',
      title: { en: 'Refund takes up to 14 days', de: 'Erstattung dauert bis zu 14 Tage' },
      body: {
        en: 'The money only comes back after the warehouse has inspected the parcel, often two weeks later.',
        de: 'Das Geld kommt erst nach der Prüfung im Lager zurück – oft erst zwei Wochen später.',
      },
      personas: ['digital'],
    },
    {
      stage: 'return',
      lane: 'pains',
      title: { en: 'In-store returns of web orders only as voucher', de: 'Onlinebestellungen in der Filiale nur gegen Gutschein' },
      body: {
        en: 'For orders paid by invoice, the store can only issue a voucher, not refund the payment.',
        de: 'Bei Kauf auf Rechnung darf die Filiale nur einen Gutschein ausstellen, aber keine Erstattung veranlassen.',
      },
      personas: ['parent'],
      tags: [OMNICHANNEL],
    },
    {
      stage: 'return',
      lane: 'opportunities',
      title: { en: 'Instant refund at drop-off for loyal customers', de: 'Sofort-Erstattung bei Abgabe für treue Kundschaft' },
      body: {
        en: 'Members with a low return rate get their money back as soon as the carrier scans the parcel.',
        de: 'Mitglieder mit niedriger Retourenquote erhalten ihr Geld, sobald der Paketdienst die Sendung scannt.',
      },
    },
    {
      stage: 'return',
      lane: 'backstage',
      title: { en: 'Return reasons feed product data', de: 'Retourengründe fließen in die Produktdaten ein' },
      body: {
        en: 'Return reason codes are analysed monthly to correct size charts and product descriptions.',
        de: 'Retourengründe werden monatlich ausgewertet, um Größentabellen und Produkttexte zu korrigieren.',
      },
      tags: [SIZING],
      actor: { en: 'Returns centre', de: 'Retourenzentrum' },
    },
    {
      key: 'return-rate',
      stage: 'return',
      lane: 'metrics',
      title: { en: 'Return rate < 8 %', de: 'Retourenquote < 8 %' },
      body: {
        en: 'Returned items as a share of items sold, tracked by category and channel.',
        de: 'Anteil zurückgesandter an verkauften Artikeln, je Warengruppe und Kanal.',
      },
    },
    {
      stage: 'return',
      lane: 'metrics',
      title: { en: 'Refund within 3 days ≥ 95 %', de: 'Erstattung innerhalb von 3 Tagen ≥ 95 %' },
      body: {
        en: 'Time from drop-off at a parcel shop or store to the money reaching the customer’s account.',
        de: 'Zeit von der Abgabe im Paketshop oder in der Filiale bis zur Gutschrift auf dem Konto.',
      },
    },

    // ── Complaint ────────────────────────────────────────────────────────────
    {
      stage: 'complaint',
      lane: 'actions',
      title: { en: 'Reports a leaking seam after six weeks', de: 'Meldet nach sechs Wochen eine undichte Naht' },
      body: {
        en: 'Water comes through the shoulder seam of the €280 rain jacket; the first response decides whether the customer stays.',
        de: 'An der Schulternaht der 280-€-Regenjacke dringt Wasser ein; die erste Reaktion entscheidet, ob die Kundschaft bleibt.',
      },
      momentOfTruth: true,
    },
    {
      stage: 'complaint',
      lane: 'actions',
      title: { en: 'Tries the chat first, then calls', de: 'Versucht es erst im Chat, dann am Telefon' },
      body: {
        en: 'Starts in the app chat, gets stuck in a bot loop and ends up phoning the hotline.',
        de: 'Beginnt im App-Chat, hängt in einer Bot-Schleife fest und ruft schließlich die Hotline an.',
      },
      personas: ['digital'],
    },
    {
      stage: 'complaint',
      lane: 'touchpoints',
      title: { en: 'App chat with bot and service agent', de: 'App-Chat mit Bot und Serviceteam' },
      body: {
        en: 'The bot collects the order number and photos; during service hours a person takes over.',
        de: 'Der Bot erfasst Bestellnummer und Fotos; zu den Servicezeiten übernimmt ein Mensch.',
      },
      channel: 'chat',
    },
    {
      stage: 'complaint',
      lane: 'touchpoints',
      title: { en: 'Customer service hotline', de: 'Service-Hotline' },
      body: {
        en: 'Mon–Sat, 8 am–8 pm; agents see orders but not earlier chat transcripts.',
        de: 'Mo.–Sa. 8–20 Uhr; die Mitarbeitenden sehen Bestellungen, aber keine früheren Chatverläufe.',
      },
      channel: 'phone',
    },
    {
      stage: 'complaint',
      lane: 'thoughts',
      title: { en: 'Why do I have to explain everything again?', de: 'Warum muss ich alles noch einmal erklären?' },
    },
    {
      stage: 'complaint',
      lane: 'emotions',
      title: { en: 'Let down and frustrated', de: 'Enttäuscht und frustriert' },
      body: {
        en: 'The product failed, and repeating the story on every channel makes it worse.',
        de: 'Das Produkt hat versagt – und dass man alles in jedem Kanal neu erzählen muss, macht es noch schlimmer.',
      },
      emotion: -3,
    },
    {
      stage: 'complaint',
      lane: 'pains',
      title: { en: 'Issue must be repeated on every channel', de: 'Anliegen muss in jedem Kanal neu geschildert werden' },
      body: {
        en: 'Chat, hotline and store share no case notes, so photos and order details are requested three times.',
        de: 'Chat, Hotline und Filiale teilen keine Fallnotizen; Fotos und Bestelldaten werden dreimal angefragt.',
      },
      tags: [OMNICHANNEL],
    },
    {
      key: 'case-history',
      stage: 'complaint',
      lane: 'opportunities',
      title: { en: 'One case history across all channels', de: 'Eine Fallhistorie für alle Kanäle' },
      body: {
        en: 'Open a case once and make notes, photos and status visible to chat, hotline and store staff.',
        de: 'Fall einmal anlegen und Notizen, Fotos und Status für Chat, Hotline und Filiale sichtbar machen.',
      },
      tags: [OMNICHANNEL],
    },
    {
      stage: 'complaint',
      lane: 'backstage',
      title: { en: 'Triage and warranty check at head office', de: 'Triage und Gewährleistungsprüfung in der Zentrale' },
      body: {
        en: 'The service team classifies the defect, checks the warranty period and decides on refund, replacement or repair.',
        de: 'Das Serviceteam ordnet den Mangel ein, prüft die Gewährleistungsfrist und entscheidet über Erstattung, Ersatz oder Reparatur.',
      },
      actor: { en: 'Quality management', de: 'Qualitätsmanagement' },
    },
    {
      stage: 'complaint',
      lane: 'metrics',
      title: { en: 'First-contact resolution ≥ 75 %', de: 'Erstlösungsquote ≥ 75 %' },
      body: {
        en: 'Complaints resolved without the customer having to get in touch again.',
        de: 'Reklamationen, die ohne erneute Kontaktaufnahme der Kundschaft gelöst werden.',
      },
    },

    // ── Repair ───────────────────────────────────────────────────────────────
    {
      stage: 'repair',
      lane: 'actions',
      title: { en: 'Hands in the jacket for repair', de: 'Gibt die Jacke zur Reparatur ab' },
      body: {
        en: 'Drops the jacket at the store; the in-house workshop will re-tape the seam.',
        de: 'Bringt die Jacke in die Filiale; die hauseigene Werkstatt verklebt die Naht neu.',
      },
      personas: ['parent'],
    },
    {
      stage: 'repair',
      lane: 'actions',
      title: { en: 'Collects the repaired jacket', de: 'Holt die reparierte Jacke ab' },
      body: {
        en: 'Gets a text when the jacket is ready and collects it together with a test report.',
        de: 'Bekommt eine SMS, sobald die Jacke fertig ist, und holt sie samt Prüfprotokoll ab.',
      },
    },
    {
      stage: 'repair',
      lane: 'touchpoints',
      title: { en: 'Repair drop-off at the service desk', de: 'Reparaturannahme an der Servicetheke' },
      body: {
        en: 'Staff photograph the damage and hand over a repair ticket with an estimated completion date.',
        de: 'Das Team dokumentiert den Schaden mit Fotos und übergibt einen Reparaturschein mit voraussichtlichem Fertigstellungstermin.',
      },
      channel: 'store',
    },
    {
      stage: 'repair',
      lane: 'touchpoints',
      title: { en: 'Repair status tracking in the app', de: 'Reparaturstatus in der App' },
      body: {
        en: 'Updates at received, in repair, quality check and ready for pick-up, each also sent by text message.',
        de: 'Statusmeldungen bei Eingang, Reparatur, Qualitätsprüfung und Abholbereitschaft – jeweils auch per SMS.',
      },
      channel: 'app',
    },
    {
      stage: 'repair',
      lane: 'thoughts',
      title: { en: 'Will the fix hold on the next trip?', de: 'Hält die Reparatur auch auf der nächsten Tour?' },
    },
    {
      stage: 'repair',
      lane: 'emotions',
      title: { en: 'Reassured and won back', de: 'Beruhigt und zurückgewonnen' },
      body: {
        en: 'Clear status updates and a lasting fix rebuild trust, though the earlier hassle isn’t forgotten.',
        de: 'Transparente Statusmeldungen und eine dauerhafte Reparatur schaffen wieder Vertrauen – vergessen ist der Ärger aber nicht.',
      },
      emotion: 1,
    },
    {
      stage: 'repair',
      lane: 'pains',
      title: { en: 'Three-week repairs in peak season', de: 'Drei Wochen Reparaturzeit in der Hochsaison' },
      body: {
        en: 'Before the autumn season the workshop backlog grows, and there is no loan jacket in the meantime.',
        de: 'Vor der Herbstsaison staut sich die Arbeit in der Werkstatt, und für die Zwischenzeit gibt es keine Leihjacke.',
      },
    },
    {
      stage: 'repair',
      lane: 'opportunities',
      title: { en: 'Loan gear while the item is in repair', de: 'Leihausrüstung während der Reparatur' },
      body: {
        en: 'Offer a jacket from the store’s rental stock so the next trip doesn’t have to be cancelled.',
        de: 'Eine Jacke aus dem Verleihbestand der Filiale anbieten, damit die nächste Tour nicht ausfallen muss.',
      },
      tags: [SUSTAINABILITY],
    },
    {
      stage: 'repair',
      lane: 'backstage',
      title: { en: 'Workshop capacity and spare-parts planning', de: 'Werkstattkapazität und Ersatzteilplanung' },
      body: {
        en: 'The workshop schedules jobs by due date and orders zips and seam tape from suppliers; costs are reclaimed from the manufacturer.',
        de: 'Die Werkstatt plant Aufträge nach Fälligkeit, bestellt Reißverschlüsse und Nahtband und holt sich die Kosten beim Hersteller zurück.',
      },
      actor: { en: 'Repair workshop', de: 'Reparaturwerkstatt' },
    },
    {
      key: 'nps-repair',
      stage: 'repair',
      lane: 'metrics',
      title: { en: 'NPS after repair ≥ +40', de: 'NPS nach Reparatur ≥ +40' },
      body: {
        en: 'Short survey sent seven days after pick-up; compared with customers who never complained.',
        de: 'Kurzbefragung sieben Tage nach der Abholung, im Vergleich zu Kundinnen und Kunden ohne Reklamation.',
      },
    },

    ...RETAIL_NEEDS,
  ],

  links: [
    { from: 'stock-sync', to: 'stock-wrong', label: { en: 'causes', de: 'verursacht' } },
    { from: 'size-guess', to: 'return-size', label: { en: 'leads to', de: 'führt zu' } },
    { from: 'fit-tool', to: 'return-rate', label: { en: 'reduces', de: 'senkt' } },
    { from: 'no-update', to: 'delivery-anxious', label: { en: 'triggers', de: 'löst aus' } },
    { from: 'case-history', to: 'nps-repair', label: { en: 'improves', de: 'verbessert' } },
  ],
};
