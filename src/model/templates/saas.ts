import { SAAS_NEEDS } from './needs';
import { STANDARD_LANES } from './standard';
import type { Localized, TemplateSource } from './types';

/*
 * SaaS trial to renewal: a small creative agency evaluates, buys and grows into a project,
 * time-tracking and invoicing tool. Two personas: the owner who pays and the team lead who
 * lives in the tool every day.
 */

const TAG_QUICK_WIN: Localized = { en: 'Quick win', de: 'Quick Win' };
const TAG_SELF_SERVE: Localized = { en: 'Self-serve', de: 'Self-Service' };
const TAG_PRICING: Localized = { en: 'Pricing', de: 'Preismodell' };
const TAG_CUSTOMER_SUCCESS: Localized = { en: 'Customer success', de: 'Customer Success' };
const TAG_DACH: Localized = { en: 'DACH market', de: 'DACH-Markt' };

export const saasTemplate: TemplateSource = {
  key: 'saas',
  title: { en: 'SaaS: trial to renewal', de: 'SaaS: von der Testphase zur Verlängerung' },
  description: {
    en: 'How a small agency finds, tests, buys and grows into a project, time-tracking and invoicing tool — from the first search to the annual renewal decision.',
    de: 'Wie eine kleine Agentur ein Tool für Projekte, Zeiterfassung und Rechnungsstellung findet, testet, kauft und ausbaut – von der ersten Suche bis zur Entscheidung über die Vertragsverlängerung.',
  },
  phases: {
    'pre-purchase': { en: 'Evaluate', de: 'Evaluieren' },
    purchase: { en: 'Adopt & buy', de: 'Einführen & kaufen' },
    'post-purchase': { en: 'Grow & renew', de: 'Ausbauen & verlängern' },
  },
  personas: [
    {
      key: 'owner',
      name: { en: 'Katrin Vogel', de: 'Katrin Vogel' },
      age: '46',
      role: {
        en: 'Founder and managing director of a 12-person design agency',
        de: 'Gründerin und Geschäftsführerin einer Designagentur mit 12 Leuten',
      },
      quote: {
        en: 'I don’t need another tool — I need to stop giving away hours we never bill.',
        de: 'Ich brauche kein weiteres Tool – ich will aufhören, Stunden zu verschenken, die wir nie abrechnen.',
      },
      goals: [
        {
          en: 'See the profitability of every client and project at a glance',
          de: 'Die Profitabilität jedes Kunden und Projekts auf einen Blick sehen',
        },
        {
          en: 'Bill every hour worked and get invoices out within two days of month-end',
          de: 'Jede geleistete Stunde abrechnen und Rechnungen spätestens zwei Tage nach Monatsende verschicken',
        },
        {
          en: 'Keep software costs predictable as the team grows',
          de: 'Softwarekosten auch bei wachsendem Team planbar halten',
        },
      ],
      frustrations: [
        {
          en: 'Tools that get bought but never adopted by the team',
          de: 'Tools, die gekauft, aber vom Team nie wirklich genutzt werden',
        },
        {
          en: 'Per-seat pricing that punishes freelancers and part-timers',
          de: 'Preise pro Nutzer, die Freelancer und Teilzeitkräfte unverhältnismäßig teuer machen',
        },
        {
          en: 'Having to book a sales demo just to find out the price',
          de: 'Erst eine Vertriebsdemo buchen zu müssen, um den Preis zu erfahren',
        },
      ],
      color: '#7c3aed',
    },
    {
      key: 'lead',
      name: { en: 'Jonas Weber', de: 'Jonas Weber' },
      age: '34',
      role: {
        en: 'Head of delivery, plans projects and workload for a team of eight',
        de: 'Head of Delivery, plant Projekte und Auslastung für ein Team von acht Leuten',
      },
      quote: {
        en: 'If logging time takes longer than ten seconds, my team simply won’t do it.',
        de: 'Wenn die Zeiterfassung länger als zehn Sekunden dauert, macht mein Team sie schlicht nicht.',
      },
      goals: [
        {
          en: 'Know who has capacity next week without asking around',
          de: 'Wissen, wer nächste Woche Kapazität hat, ohne herumzufragen',
        },
        {
          en: 'Spot budget overruns before the client does',
          de: 'Budgetüberschreitungen erkennen, bevor der Kunde es tut',
        },
        {
          en: 'Get complete timesheets without chasing people every Friday',
          de: 'Vollständige Stundenzettel bekommen, ohne jeden Freitag hinterherzulaufen',
        },
      ],
      frustrations: [
        {
          en: 'Copying hours from spreadsheets into invoices by hand',
          de: 'Stunden von Hand aus Tabellen in Rechnungen übertragen',
        },
        {
          en: 'Planning views that ignore holidays and part-time schedules',
          de: 'Planungsansichten, die Urlaub und Teilzeitmodelle ignorieren',
        },
        {
          en: 'Support that answers days later, in the middle of a billing run',
          de: 'Support, der erst Tage später antwortet – mitten in der Rechnungsstellung',
        },
      ],
      color: '#0891b2',
    },
  ],
  stages: [
    {
      key: 'discover',
      phase: 'pre-purchase',
      name: { en: 'Discover', de: 'Entdecken' },
      description: {
        en: 'Katrin wants something better than spreadsheets for hours and budgets, and asks herself whether this tool is made for agencies like hers. If the prices hide behind “Contact sales”, she moves on before she ever tries it.',
        de: 'Katrin sucht etwas Besseres als Tabellen für Stunden und Budgets und fragt sich, ob dieses Tool für Agenturen wie ihre gemacht ist. Verstecken sich die Preise hinter „Vertrieb kontaktieren“, zieht sie weiter, bevor sie es je ausprobiert.',
      },
    },
    {
      key: 'signup',
      phase: 'pre-purchase',
      name: { en: 'Sign up for trial', de: 'Testphase starten' },
      description: {
        en: 'She starts the free trial and gives it twenty minutes one evening. Everything rides on that evening: questions before any value, and she closes the tab for good.',
        de: 'Sie startet die kostenlose Testphase und gibt ihr abends zwanzig Minuten. Alles hängt an diesem Abend: Fragen, bevor sie irgendeinen Nutzen sieht, und sie schließt den Tab für immer.',
      },
    },
    {
      key: 'onboarding',
      phase: 'purchase',
      name: { en: 'Onboarding', de: 'Onboarding' },
      description: {
        en: 'Jonas imports clients, projects and rates and invites the team: the hard part of the trial. If the import fails or the team will not track time, the trial quietly dies here.',
        de: 'Jonas importiert Kunden, Projekte und Stundensätze und lädt das Team ein – der mühsame Teil der Testphase. Scheitert der Import oder macht das Team nicht mit, schläft die Testphase hier still ein.',
      },
    },
    {
      key: 'activation',
      phase: 'purchase',
      name: { en: 'Activation (aha moment)', de: 'Aktivierung („Aha-Moment“)' },
      description: {
        en: 'Tracked hours become the first invoice in five minutes instead of an afternoon: this is the aha moment. The sooner the team gets here, the more likely it is to pay.',
        de: 'Aus erfassten Stunden wird in fünf Minuten statt an einem Nachmittag die erste Rechnung: Das ist der Aha-Moment. Je früher das Team ihn erlebt, desto eher zahlt es.',
      },
    },
    {
      key: 'convert',
      phase: 'purchase',
      name: { en: 'Convert to paid', de: 'Wechsel zum Bezahltarif' },
      description: {
        en: 'The trial ends: Jonas picks a plan, and Katrin has to say yes to twenty euros a head every month. At stake is whether the value they have seen outweighs the price of every seat, freelancers included.',
        de: 'Die Testphase endet: Jonas wählt einen Tarif, und Katrin muss zu zwanzig Euro pro Kopf und Monat Ja sagen. Es geht darum, ob der erlebte Nutzen den Preis jedes Platzes aufwiegt – auch für Freelancer.',
      },
    },
    {
      key: 'everyday',
      phase: 'post-purchase',
      name: { en: 'Everyday use & support', de: 'Alltag & Support' },
      description: {
        en: 'The tool is now part of the agency’s week: workload, budgets, client profitability. When something breaks at month-end, a fast answer from support decides whether they keep relying on it.',
        de: 'Das Tool gehört jetzt zum Agenturalltag: Auslastung, Budgets, Kundenrentabilität. Hakt zum Monatsende etwas, entscheidet eine schnelle Antwort vom Support, ob man sich weiter darauf verlässt.',
      },
    },
    {
      key: 'expansion',
      phase: 'post-purchase',
      name: { en: 'Expansion', de: 'Ausbau' },
      description: {
        en: 'It works for the designers, so Katrin wants it for the developers too and adds seats and capacity planning. A surprise on the next invoice can turn that confidence into distrust overnight.',
        de: 'Für das Design-Team funktioniert es, also soll es auch in die Entwicklung: Katrin bucht Plätze und Kapazitätsplanung dazu. Eine Überraschung auf der nächsten Rechnung kann dieses Vertrauen über Nacht kippen.',
      },
    },
    {
      key: 'renewal',
      phase: 'post-purchase',
      name: { en: 'Renewal', de: 'Verlängerung' },
      description: {
        en: 'A year on, Katrin decides whether to renew the annual plan and lists what she needs next year. The whole relationship is at stake: a silent auto-renewal or a price rise sends her looking for alternatives.',
        de: 'Nach einem Jahr entscheidet Katrin, ob sie den Jahresvertrag verlängert, und notiert, was sie im nächsten Jahr braucht. Es geht um die ganze Beziehung: Eine stille Verlängerung oder eine Preiserhöhung lässt sie nach Alternativen suchen.',
      },
    },
  ],
  lanes: STANDARD_LANES,
  cards: [
    // ---------- Discover ----------
    {
      stage: 'discover',
      lane: 'actions',
      title: { en: 'Searches for a replacement for spreadsheets', de: 'Sucht eine Alternative zu Excel-Listen' },
      body: {
        en: 'After another month of unbilled hours, she searches for “time tracking and invoicing for agencies” and asks for tips in an agency owners’ Slack group.',
        de: 'Nach einem weiteren Monat mit nicht abgerechneten Stunden sucht sie nach „Zeiterfassung und Rechnungen für Agenturen“ und fragt in einer Slack-Gruppe für Agenturinhaber nach Empfehlungen.',
      },
      personas: ['owner'],
    },
    {
      stage: 'discover',
      lane: 'touchpoints',
      title: { en: 'Peer recommendation in an agency community', de: 'Empfehlung aus einer Agentur-Community' },
      body: {
        en: 'A recommendation in a LinkedIn or Slack group of fellow agency owners carries more weight than any ad.',
        de: 'Eine Empfehlung in einer LinkedIn- oder Slack-Gruppe anderer Agenturinhaber wiegt schwerer als jede Anzeige.',
      },
      channel: 'social',
      personas: ['owner'],
    },
    {
      stage: 'discover',
      lane: 'touchpoints',
      title: { en: 'Pricing and comparison pages', de: 'Preis- und Vergleichsseiten' },
      body: {
        en: 'Visitors go straight to pricing and “vs. Harvest” or “vs. Excel” pages; these pages start most qualified trials.',
        de: 'Besucher springen direkt auf die Preisseite und auf Vergleiche wie „vs. Harvest“ oder „vs. Excel“; dort beginnen die meisten qualifizierten Testphasen.',
      },
      channel: 'web',
    },
    {
      stage: 'discover',
      lane: 'thoughts',
      title: { en: '“Is this built for agencies like ours?”', de: '„Ist das für Agenturen wie unsere gemacht?“' },
      body: {
        en: 'I don’t want to pay for enterprise resource management built for 500-person companies.',
        de: 'Ich will nicht für Ressourcenplanung zahlen, die für Konzerne mit 500 Leuten gebaut wurde.',
      },
      personas: ['owner'],
    },
    {
      stage: 'discover',
      lane: 'emotions',
      title: { en: 'Curious but sceptical', de: 'Neugierig, aber skeptisch' },
      body: {
        en: 'Hopes a tool can stop the billing leak, but two failed tool rollouts are still fresh in her mind.',
        de: 'Hofft, dass ein Tool die Abrechnungslücke schließt – doch zwei gescheiterte Tool-Einführungen sind noch präsent.',
      },
      emotion: 0,
      personas: ['owner'],
    },
    {
      stage: 'discover',
      lane: 'pains',
      title: { en: 'Price hidden behind “Contact sales”', de: 'Preis versteckt hinter „Vertrieb kontaktieren“' },
      body: {
        en: 'Owners leave when they cannot estimate the monthly cost for 12 users without booking a demo call.',
        de: 'Inhaber springen ab, wenn sie die monatlichen Kosten für 12 Nutzer nicht ohne Demo-Termin abschätzen können.',
      },
      tags: [TAG_PRICING],
    },
    {
      stage: 'discover',
      lane: 'opportunities',
      title: { en: 'Agency ROI calculator on the pricing page', de: 'ROI-Rechner für Agenturen auf der Preisseite' },
      body: {
        en: 'Visitors enter team size and hourly rate and see both the monthly price and the revenue recovered from just one extra billed hour per person a week.',
        de: 'Besucher geben Teamgröße und Stundensatz ein und sehen den Monatspreis sowie den Mehrumsatz, wenn pro Person nur eine zusätzliche Stunde pro Woche abgerechnet wird.',
      },
      tags: [TAG_PRICING, TAG_QUICK_WIN],
    },
    {
      stage: 'discover',
      lane: 'backstage',
      title: { en: 'Content and SEO for agency search terms', de: 'Content und SEO für Agentur-Suchbegriffe' },
      body: {
        en: 'Marketing maintains comparison pages and free resources such as an agency rate-card template, and attributes trials to the page that started them.',
        de: 'Das Marketing pflegt Vergleichsseiten und kostenlose Vorlagen wie eine Stundensatz-Kalkulation für Agenturen und ordnet jede Testphase der Einstiegsseite zu.',
      },
      actor: { en: 'Marketing team', de: 'Marketing' },
    },
    {
      stage: 'discover',
      lane: 'metrics',
      title: { en: 'Visitor-to-trial conversion ≥ 3 %', de: 'Conversion Besucher zu Testphase ≥ 3 %' },
      body: {
        en: 'Measured per channel; pricing and comparison pages should convert at twice the site average.',
        de: 'Wird pro Kanal gemessen; Preis- und Vergleichsseiten sollten doppelt so gut konvertieren wie der Durchschnitt der Website.',
      },
    },

    // ---------- Sign up for trial ----------
    {
      stage: 'signup',
      lane: 'actions',
      title: { en: 'Starts a 14-day free trial', de: 'Startet eine 14-tägige kostenlose Testphase' },
      body: {
        en: 'Signs up with her Google Workspace account, enters agency name and team size — no credit card required.',
        de: 'Registriert sich mit ihrem Google-Workspace-Konto, gibt Agenturname und Teamgröße an – ohne Kreditkarte.',
      },
      personas: ['owner'],
    },
    {
      stage: 'signup',
      lane: 'touchpoints',
      title: { en: 'Sign-up form and welcome screen', de: 'Registrierungsformular und Willkommensseite' },
      body: {
        en: 'Three fields, single sign-on with Google or Microsoft, then straight into the workspace.',
        de: 'Drei Felder, Anmeldung per Google oder Microsoft, danach direkt in den Workspace.',
      },
      channel: 'web',
    },
    {
      stage: 'signup',
      lane: 'touchpoints',
      title: { en: 'Personal welcome email from the founder', de: 'Persönliche Willkommensmail vom Gründer' },
      body: {
        en: 'Plain-text email within five minutes asking what made them look for a new tool; replies reach a real person.',
        de: 'Schlichte Textmail innerhalb von fünf Minuten mit der Frage, warum sie ein neues Tool suchen; Antworten landen bei einem echten Menschen.',
      },
      channel: 'email',
    },
    {
      stage: 'signup',
      lane: 'thoughts',
      title: { en: '“I’ll give it 20 minutes tonight.”', de: '„Ich gebe dem Ganzen heute Abend 20 Minuten.“' },
      body: {
        en: 'If I can’t see how it works for us by then, it won’t get a second chance.',
        de: 'Wenn ich bis dahin nicht sehe, wie das bei uns funktioniert, bekommt es keine zweite Chance.',
      },
      personas: ['owner'],
    },
    {
      stage: 'signup',
      lane: 'emotions',
      title: { en: 'Hopeful', de: 'Zuversichtlich' },
      body: {
        en: 'Quick sign-up and a clean first screen make the product feel easy.',
        de: 'Die schnelle Registrierung und ein aufgeräumter erster Bildschirm wirken einladend.',
      },
      emotion: 1,
      personas: ['owner'],
    },
    {
      stage: 'signup',
      lane: 'pains',
      title: { en: 'Questions before any value', de: 'Fragen, bevor es einen Nutzen gibt' },
      body: {
        en: 'Asking for phone number, job title and revenue band before the product is visible feels like a sales trap.',
        de: 'Telefonnummer, Position und Umsatzklasse abzufragen, bevor man das Produkt überhaupt sieht, wirkt wie eine Vertriebsfalle.',
      },
    },
    {
      stage: 'signup',
      lane: 'opportunities',
      title: { en: 'Start in a realistic sample project', de: 'Mit einem realistischen Beispielprojekt starten' },
      body: {
        en: 'Pre-load a website-relaunch project with tracked hours, a budget and a draft invoice, so the value is visible before any setup.',
        de: 'Ein Website-Relaunch mit erfassten Stunden, Budget und Rechnungsentwurf ist bereits angelegt, sodass der Nutzen vor jeder Einrichtung sichtbar wird.',
      },
      tags: [TAG_SELF_SERVE],
    },
    {
      stage: 'signup',
      lane: 'backstage',
      title: { en: 'Lead scoring and routing in the CRM', de: 'Lead-Scoring und Routing im CRM' },
      body: {
        en: 'Sign-ups with 10+ users are flagged for a sales-assisted offer; smaller teams stay fully self-serve.',
        de: 'Registrierungen ab 10 Nutzern werden für ein Angebot mit Vertriebsbegleitung markiert; kleinere Teams bleiben komplett im Self-Service.',
      },
      actor: { en: 'Sales operations', de: 'Sales Operations' },
    },
    {
      stage: 'signup',
      lane: 'metrics',
      title: { en: 'Sign-up completion ≥ 70 %', de: 'Abschlussrate der Registrierung ≥ 70 %' },
      body: {
        en: 'Share of started sign-ups that reach the workspace; median time under 90 seconds.',
        de: 'Anteil der begonnenen Registrierungen, die im Workspace ankommen; Median unter 90 Sekunden.',
      },
    },

    // ---------- Onboarding ----------
    {
      stage: 'onboarding',
      lane: 'actions',
      title: { en: 'Imports clients, projects and hourly rates', de: 'Importiert Kunden, Projekte und Stundensätze' },
      body: {
        en: 'Uploads a CSV export of the old project spreadsheet and maps columns for clients, projects and rates.',
        de: 'Lädt einen CSV-Export der bisherigen Projektliste hoch und ordnet die Spalten für Kunden, Projekte und Sätze zu.',
      },
      personas: ['owner'],
    },
    {
      stage: 'onboarding',
      lane: 'actions',
      title: { en: 'Sets up the first project and invites the team', de: 'Legt das erste Projekt an und lädt das Team ein' },
      body: {
        en: 'Creates budgets and task types for a live client project, then invites five designers and two freelancers.',
        de: 'Legt Budgets und Tätigkeitsarten für ein laufendes Kundenprojekt an und lädt fünf Designer und zwei Freelancer ein.',
      },
      personas: ['lead'],
    },
    {
      stage: 'onboarding',
      lane: 'touchpoints',
      title: { en: 'In-app setup checklist', de: 'Einrichtungs-Checkliste in der App' },
      body: {
        en: 'Five steps: import clients, create a project, set rates, invite the team, connect accounting.',
        de: 'Fünf Schritte: Kunden importieren, Projekt anlegen, Sätze hinterlegen, Team einladen, Buchhaltung anbinden.',
      },
      channel: 'app',
    },
    {
      stage: 'onboarding',
      lane: 'touchpoints',
      title: { en: 'Optional 30-minute onboarding call', de: 'Optionales Onboarding-Gespräch (30 Minuten)' },
      body: {
        en: 'Offered to teams of 10+ on day 2; a specialist walks through project setup using the agency’s own data.',
        de: 'Wird Teams ab 10 Personen am zweiten Tag angeboten; eine Expertin richtet gemeinsam mit der Agentur deren echtes Projekt ein.',
      },
      channel: 'phone',
      tags: [TAG_CUSTOMER_SUCCESS],
    },
    {
      stage: 'onboarding',
      lane: 'thoughts',
      title: { en: '“Will my team actually track time here?”', de: '„Erfasst mein Team hier wirklich seine Zeiten?“' },
      body: {
        en: 'If logging hours takes more than a few seconds, they’ll have forgotten it by Wednesday.',
        de: 'Wenn das Erfassen mehr als ein paar Sekunden dauert, ist es spätestens am Mittwoch vergessen.',
      },
      personas: ['lead'],
    },
    {
      key: 'onb-emotion',
      stage: 'onboarding',
      lane: 'emotions',
      title: { en: 'Overwhelmed', de: 'Überfordert' },
      body: {
        en: 'Setup takes longer than expected and the payoff is not visible yet.',
        de: 'Die Einrichtung dauert länger als gedacht, und der Nutzen ist noch nicht sichtbar.',
      },
      emotion: -2,
    },
    {
      key: 'onb-import-pain',
      stage: 'onboarding',
      lane: 'pains',
      title: { en: 'CSV import fails on dates and decimals', de: 'CSV-Import scheitert an Datum und Dezimalzahlen' },
      body: {
        en: 'The importer rejects German date formats and decimal commas; almost one in three import attempts ends in an error.',
        de: 'Der Import lehnt deutsche Datumsformate und Dezimalkommas ab; fast jeder dritte Importversuch endet mit einer Fehlermeldung.',
      },
      tags: [TAG_DACH],
    },
    {
      key: 'onb-import-opp',
      stage: 'onboarding',
      lane: 'opportunities',
      title: { en: 'Guided import with ready-made mappings', de: 'Geführter Import mit fertigen Zuordnungen' },
      body: {
        en: 'One-click imports from Harvest, Toggl and a downloadable Excel template, plus a free done-for-you import for teams of 10+.',
        de: 'Import per Klick aus Harvest, Toggl und einer Excel-Vorlage – und für Teams ab 10 Personen ein kostenloser Import-Service.',
      },
      tags: [TAG_QUICK_WIN],
    },
    {
      stage: 'onboarding',
      lane: 'backstage',
      title: { en: 'Behaviour-triggered onboarding emails', de: 'Verhaltensbasierte Onboarding-Mails' },
      body: {
        en: 'Emails follow incomplete checklist steps rather than fixed days; customer success gets a daily list of stalled workspaces.',
        de: 'Mails richten sich nach offenen Checklisten-Schritten statt nach festen Tagen; Customer Success erhält täglich eine Liste stockender Workspaces.',
      },
      actor: { en: 'Lifecycle marketing', de: 'Lifecycle-Marketing' },
    },
    {
      stage: 'onboarding',
      lane: 'metrics',
      title: { en: 'Setup completed within 3 days ≥ 60 %', de: 'Einrichtung in 3 Tagen abgeschlossen ≥ 60 %' },
      body: {
        en: 'Share of new workspaces that finish every checklist step, including at least three invited teammates.',
        de: 'Anteil neuer Workspaces, die alle Checklisten-Schritte abschließen – inklusive mindestens drei eingeladener Kollegen.',
      },
    },

    // ---------- Activation ----------
    {
      key: 'act-first-invoice',
      stage: 'activation',
      lane: 'actions',
      title: { en: 'Turns tracked hours into the first invoice', de: 'Macht aus erfassten Stunden die erste Rechnung' },
      body: {
        en: 'Selects a project, pulls in approved hours and expenses and sends a branded invoice in under five minutes.',
        de: 'Wählt ein Projekt, übernimmt freigegebene Stunden und Auslagen und verschickt in unter fünf Minuten eine Rechnung im eigenen Design.',
      },
      personas: ['owner'],
      momentOfTruth: true,
    },
    {
      stage: 'activation',
      lane: 'actions',
      title: { en: 'Reviews the first full weekly timesheet', de: 'Prüft den ersten vollständigen Wochenbericht' },
      body: {
        en: 'The team logs time with the browser timer; on Friday he sees planned versus actual hours per project for the first time.',
        de: 'Das Team erfasst Zeiten über den Browser-Timer; am Freitag sieht er zum ersten Mal Soll- und Ist-Stunden pro Projekt.',
      },
      personas: ['lead'],
    },
    {
      stage: 'activation',
      lane: 'touchpoints',
      title: { en: 'Browser extension and mobile timer', de: 'Browser-Erweiterung und mobiler Timer' },
      body: {
        en: 'Start a timer from Figma, Gmail or Jira in one click; forgotten timers are flagged after eight hours.',
        de: 'Timer mit einem Klick aus Figma, Gmail oder Jira starten; vergessene Timer werden nach acht Stunden gemeldet.',
      },
      channel: 'app',
      personas: ['lead'],
    },
    {
      stage: 'activation',
      lane: 'touchpoints',
      title: { en: 'Invoice lands in the client’s inbox', de: 'Rechnung landet beim Kunden der Agentur' },
      body: {
        en: 'The agency’s client receives a clean PDF with a payment link — the first outside proof that the tool looks professional.',
        de: 'Der Kunde der Agentur erhält ein sauberes PDF mit Zahlungslink – der erste Beweis nach außen, dass das Tool professionell wirkt.',
      },
      channel: 'email',
    },
    {
      stage: 'activation',
      lane: 'thoughts',
      title: { en: '“Five minutes instead of an afternoon.”', de: '„Fünf Minuten statt eines ganzen Nachmittags.“' },
      body: {
        en: 'Last month I spent half a day copying hours into invoices. This is what I was looking for.',
        de: 'Letzten Monat habe ich einen halben Tag lang Stunden in Rechnungen kopiert. Genau das habe ich gesucht.',
      },
      personas: ['owner'],
    },
    {
      stage: 'activation',
      lane: 'emotions',
      title: { en: 'Relieved and impressed', de: 'Erleichtert und beeindruckt' },
      body: {
        en: 'The promise becomes tangible: real hours, real invoice, real time saved.',
        de: 'Das Versprechen wird greifbar: echte Stunden, echte Rechnung, echte Zeitersparnis.',
      },
      emotion: 2,
    },
    {
      stage: 'activation',
      lane: 'pains',
      title: { en: 'Timesheets are still incomplete', de: 'Stundenzettel sind noch lückenhaft' },
      body: {
        en: 'Only half the team logs time daily, so the first invoice needs manual corrections.',
        de: 'Nur die Hälfte des Teams erfasst täglich, deshalb muss die erste Rechnung von Hand korrigiert werden.',
      },
      personas: ['lead'],
    },
    {
      stage: 'activation',
      lane: 'opportunities',
      title: { en: 'Friday timesheet nudge in Slack', de: 'Freitags-Erinnerung für Stunden in Slack' },
      body: {
        en: 'Remind people with missing hours on Friday at 3 pm and let them fill gaps from calendar events in one click.',
        de: 'Wer Lücken hat, wird freitags um 15 Uhr erinnert und kann sie mit einem Klick aus Kalenderterminen füllen.',
      },
      tags: [TAG_QUICK_WIN],
    },
    {
      stage: 'activation',
      lane: 'backstage',
      title: { en: 'Activation events in product analytics', de: 'Aktivierungs-Events in der Produktanalyse' },
      body: {
        en: 'Tracks “first invoice sent” and “3+ people tracking time”; customer success contacts workspaces that reach neither by day 5.',
        de: 'Erfasst „erste Rechnung versendet“ und „mind. 3 Personen erfassen Zeiten“; Customer Success meldet sich bei Workspaces, die bis Tag 5 keins davon erreichen.',
      },
      tags: [TAG_CUSTOMER_SUCCESS],
      actor: { en: 'Product team', de: 'Produktteam' },
    },
    {
      stage: 'activation',
      lane: 'metrics',
      title: { en: 'Time to first value ≤ 3 days', de: 'Time to First Value ≤ 3 Tage' },
      body: {
        en: 'Median time from sign-up to first invoice sent or first complete weekly timesheet; target activation rate ≥ 40 % of trials.',
        de: 'Median von der Registrierung bis zur ersten versendeten Rechnung oder zum ersten vollständigen Wochenbericht; Ziel-Aktivierungsrate ≥ 40 % der Testphasen.',
      },
    },

    // ---------- Convert to paid ----------
    {
      stage: 'convert',
      lane: 'actions',
      title: { en: 'Chooses a plan and enters payment details', de: 'Wählt einen Tarif und hinterlegt die Zahlungsdaten' },
      body: {
        en: 'Compares the Team and Business plans, takes annual billing for two free months and pays by SEPA direct debit.',
        de: 'Vergleicht die Tarife Team und Business, entscheidet sich für jährliche Zahlung mit zwei Gratismonaten und zahlt per SEPA-Lastschrift.',
      },
      personas: ['owner'],
      momentOfTruth: true,
    },
    {
      stage: 'convert',
      lane: 'actions',
      title: { en: 'Gives the owner a go / no-go', de: 'Gibt der Chefin ein Go oder No-Go' },
      body: {
        en: 'Summarises the team’s verdict: the timer works well, but the planning view still ignores holidays.',
        de: 'Fasst das Urteil des Teams zusammen: Der Timer funktioniert gut, aber die Planungsansicht ignoriert noch Urlaube.',
      },
      personas: ['lead'],
    },
    {
      stage: 'convert',
      lane: 'touchpoints',
      title: { en: 'Trial-ending emails on day 10 and 13', de: 'Erinnerungsmails an Tag 10 und 13' },
      body: {
        en: 'Show what the workspace achieved — hours tracked, invoices sent — and what stops working after the trial.',
        de: 'Zeigen, was im Workspace erreicht wurde – erfasste Stunden, versendete Rechnungen – und was nach der Testphase nicht mehr geht.',
      },
      channel: 'email',
    },
    {
      stage: 'convert',
      lane: 'touchpoints',
      title: { en: 'Sales-assisted call for teams of 10+', de: 'Beratungsgespräch für Teams ab 10 Personen' },
      body: {
        en: 'An account executive clarifies plan fit, data protection (DPA, EU hosting) and invoice payment.',
        de: 'Ein Account Executive klärt Tarifwahl, Datenschutz (AVV, Hosting in der EU) und Zahlung auf Rechnung.',
      },
      channel: 'phone',
      personas: ['owner'],
      tags: [TAG_DACH],
    },
    {
      stage: 'convert',
      lane: 'thoughts',
      title: { en: '“Is it worth €20 a head every month?”', de: '„Sind 20 € pro Kopf und Monat gerechtfertigt?“' },
      body: {
        en: 'It pays for itself if we bill just two more hours per person a month.',
        de: 'Das rechnet sich, wenn wir pro Person nur zwei Stunden mehr im Monat abrechnen.',
      },
      personas: ['owner'],
    },
    {
      stage: 'convert',
      lane: 'emotions',
      title: { en: 'Hesitant', de: 'Zögerlich' },
      body: {
        en: 'Committing budget and asking the team to change habits feels like a risk.',
        de: 'Budget freizugeben und vom Team neue Gewohnheiten zu verlangen, fühlt sich riskant an.',
      },
      emotion: -1,
      personas: ['owner'],
    },
    {
      key: 'conv-seat-pain',
      stage: 'convert',
      lane: 'pains',
      title: { en: 'Full seat price for occasional freelancers', de: 'Voller Nutzerpreis für gelegentliche Freelancer' },
      body: {
        en: 'Paying a full seat for freelancers who log hours twice a month makes the quote look inflated.',
        de: 'Für Freelancer, die zweimal im Monat Stunden erfassen, den vollen Nutzerpreis zu zahlen, lässt das Angebot überteuert wirken.',
      },
      personas: ['owner'],
      tags: [TAG_PRICING],
    },
    {
      stage: 'convert',
      lane: 'opportunities',
      title: { en: 'Free guest seats for freelancers', de: 'Kostenlose Gastzugänge für Freelancer' },
      body: {
        en: 'Let freelancers log time as free, limited users, and offer a one-off 14-day extension to active but unfinished trials.',
        de: 'Freelancer erfassen Zeiten als kostenlose Nutzer mit eingeschränkten Rechten; aktive, aber unentschiedene Testphasen lassen sich einmalig um 14 Tage verlängern.',
      },
      tags: [TAG_PRICING],
    },
    {
      stage: 'convert',
      lane: 'backstage',
      title: { en: 'Billing, VAT and compliant invoicing', de: 'Abrechnung, Umsatzsteuer und rechtssichere Rechnungen' },
      body: {
        en: 'The payment provider handles SEPA mandates and EU reverse-charge VAT; subscription invoices meet German GoBD requirements.',
        de: 'Der Zahlungsdienstleister verwaltet SEPA-Mandate und das Reverse-Charge-Verfahren in der EU; die Abo-Rechnungen sind GoBD-konform.',
      },
      tags: [TAG_DACH],
      actor: { en: 'Finance', de: 'Finanzbuchhaltung' },
    },
    {
      key: 'conv-rate',
      stage: 'convert',
      lane: 'metrics',
      title: { en: 'Trial-to-paid conversion ≥ 18 %', de: 'Conversion Testphase zu Bezahlkunde ≥ 18 %' },
      body: {
        en: 'Share of trials that become paying customers within 30 days of sign-up, reported separately for self-serve and sales-assisted.',
        de: 'Anteil der Testphasen, die innerhalb von 30 Tagen nach Registrierung zahlende Kunden werden – getrennt nach Self-Service und Vertrieb.',
      },
    },

    // ---------- Everyday use & support ----------
    {
      stage: 'everyday',
      lane: 'actions',
      title: { en: 'Plans weekly workload and watches budgets', de: 'Plant die Wochenauslastung und behält Budgets im Blick' },
      body: {
        en: 'Every Monday he checks capacity per designer and flags projects that have used more than 80 % of their budget.',
        de: 'Jeden Montag prüft er die Auslastung pro Designer und markiert Projekte, die mehr als 80 % ihres Budgets verbraucht haben.',
      },
      personas: ['lead'],
    },
    {
      stage: 'everyday',
      lane: 'actions',
      title: { en: 'Reviews client profitability every month', de: 'Prüft monatlich die Profitabilität pro Kunde' },
      body: {
        en: 'Opens the profitability report before the monthly partner meeting and renegotiates one retainer that runs at a loss.',
        de: 'Öffnet vor dem monatlichen Partnermeeting den Profitabilitätsbericht und verhandelt einen defizitären Rahmenvertrag neu.',
      },
      personas: ['owner'],
    },
    {
      stage: 'everyday',
      lane: 'touchpoints',
      title: { en: 'In-app support chat at month-end', de: 'Support-Chat in der App zum Monatsende' },
      body: {
        en: 'Staffed 8:00–18:00 CET in German and English; the first ticket during a billing run decides whether the team trusts the tool.',
        de: 'Besetzt von 8 bis 18 Uhr auf Deutsch und Englisch; das erste Ticket während der Rechnungsstellung entscheidet, ob das Team dem Tool vertraut.',
      },
      channel: 'chat',
      momentOfTruth: true,
    },
    {
      stage: 'everyday',
      lane: 'touchpoints',
      title: { en: 'Help centre and short video guides', de: 'Hilfe-Center und kurze Videoanleitungen' },
      body: {
        en: 'Two-minute videos for recurring tasks such as retainers, expenses and credit notes, linked from the matching screens.',
        de: 'Zweiminütige Videos zu wiederkehrenden Aufgaben wie Retainern, Auslagen und Gutschriften, direkt verlinkt aus den passenden Ansichten.',
      },
      channel: 'web',
      tags: [TAG_SELF_SERVE],
    },
    {
      stage: 'everyday',
      lane: 'thoughts',
      title: { en: '“Finally I know which clients cost us money.”', de: '„Endlich weiß ich, welche Kunden uns Geld kosten.“' },
      body: {
        en: 'I used to rely on gut feeling; now I can show the numbers in the partner meeting.',
        de: 'Früher habe ich mich auf mein Bauchgefühl verlassen, jetzt kann ich im Partnermeeting die Zahlen zeigen.',
      },
      personas: ['owner'],
    },
    {
      stage: 'everyday',
      lane: 'emotions',
      title: { en: 'In control', de: 'Alles im Griff' },
      body: {
        en: 'Routines have settled in; occasional hiccups are resolved quickly.',
        de: 'Die Abläufe sitzen; gelegentliche Probleme werden schnell gelöst.',
      },
      emotion: 1,
    },
    {
      stage: 'everyday',
      lane: 'pains',
      title: { en: 'Slow answer to a billing-critical bug', de: 'Langsame Antwort bei einem abrechnungskritischen Fehler' },
      body: {
        en: 'When the export to the accounting system breaks at month-end, a 24-hour response time blocks the entire billing run.',
        de: 'Fällt der Export in die Buchhaltung am Monatsende aus, blockiert eine Antwortzeit von 24 Stunden die gesamte Rechnungsstellung.',
      },
      personas: ['lead'],
    },
    {
      stage: 'everyday',
      lane: 'opportunities',
      title: { en: 'Priority routing during month-end', de: 'Priorisierte Tickets zum Monatsende' },
      body: {
        en: 'Tickets that mention invoices or exports in the last three working days of a month are answered within one hour.',
        de: 'Tickets zu Rechnungen oder Exporten werden in den letzten drei Arbeitstagen des Monats innerhalb einer Stunde beantwortet.',
      },
      tags: [TAG_QUICK_WIN],
    },
    {
      stage: 'everyday',
      lane: 'backstage',
      title: { en: 'Customer health score', de: 'Customer Health Score' },
      body: {
        en: 'Combines weekly active users, invoices sent and ticket sentiment; a score below 50 triggers a check-in from customer success.',
        de: 'Kombiniert wöchentlich aktive Nutzer, versendete Rechnungen und die Stimmung in Tickets; unter 50 Punkten meldet sich Customer Success.',
      },
      tags: [TAG_CUSTOMER_SUCCESS],
      actor: { en: 'Customer success', de: 'Customer Success' },
    },
    {
      stage: 'everyday',
      lane: 'metrics',
      title: { en: 'Weekly active seats ≥ 75 %', de: 'Wöchentlich aktive Lizenzen ≥ 75 %' },
      body: {
        en: 'Share of paid seats that log time or open a project at least once a week — the earliest warning sign for churn.',
        de: 'Anteil bezahlter Lizenzen, die mindestens einmal pro Woche Zeiten erfassen oder ein Projekt öffnen – das früheste Warnsignal für Churn.',
      },
    },
    {
      stage: 'everyday',
      lane: 'metrics',
      title: { en: 'First response < 2 h, support CSAT ≥ 90 %', de: 'Erste Antwort < 2 Std., Support-CSAT ≥ 90 %' },
      body: {
        en: 'Measured within business hours; month-end tickets are reported separately.',
        de: 'Gemessen innerhalb der Servicezeiten; Tickets zum Monatsende werden gesondert ausgewertet.',
      },
    },

    // ---------- Expansion ----------
    {
      stage: 'expansion',
      lane: 'actions',
      title: { en: 'Adds seats and upgrades for capacity planning', de: 'Bucht Nutzer dazu und wechselt für die Kapazitätsplanung' },
      body: {
        en: 'After hiring two designers and winning a retainer client, she moves to the Business plan for resource planning.',
        de: 'Nach zwei Neueinstellungen und einem neuen Retainer-Kunden wechselt sie für die Ressourcenplanung in den Business-Tarif.',
      },
      personas: ['owner'],
    },
    {
      stage: 'expansion',
      lane: 'touchpoints',
      title: { en: 'Usage-based upgrade prompt', de: 'Upgrade-Hinweis auf Basis der Nutzung' },
      body: {
        en: 'Appears when a project hits its budget alert for the third time: “Plan capacity before budgets overrun.”',
        de: 'Erscheint, wenn ein Projekt zum dritten Mal die Budgetwarnung auslöst: „Kapazitäten planen, bevor das Budget überzogen ist.“',
      },
      channel: 'app',
    },
    {
      stage: 'expansion',
      lane: 'touchpoints',
      title: { en: 'Quarterly check-in with the customer success manager', de: 'Quartalsgespräch mit dem Customer Success Manager' },
      body: {
        en: 'A 30-minute call reviewing adoption, the profitability report and the next hires.',
        de: '30-minütiges Gespräch zu Nutzung, Profitabilitätsbericht und geplanten Neueinstellungen.',
      },
      channel: 'phone',
      personas: ['owner'],
      tags: [TAG_CUSTOMER_SUCCESS],
    },
    {
      stage: 'expansion',
      lane: 'thoughts',
      title: { en: '“If it works for design, it’ll work for dev.”', de: '„Was fürs Design klappt, klappt auch für die Entwicklung.“' },
      body: {
        en: 'Let’s bring the developers in too, so we finally have one view of every project.',
        de: 'Holen wir die Entwickler mit dazu, dann haben wir endlich alle Projekte in einer Ansicht.',
      },
      personas: ['lead'],
    },
    {
      stage: 'expansion',
      lane: 'emotions',
      title: { en: 'Confident and ambitious', de: 'Selbstbewusst und ehrgeizig' },
      body: {
        en: 'The tool has become part of how the agency grows, not just how it bills.',
        de: 'Das Tool ist Teil des Wachstums der Agentur geworden, nicht nur der Abrechnung.',
      },
      emotion: 2,
    },
    {
      stage: 'expansion',
      lane: 'pains',
      title: { en: 'Surprise amount on the next invoice', de: 'Überraschender Betrag auf der nächsten Rechnung' },
      body: {
        en: 'Seats added mid-month are charged pro rata without explanation, and the owner disputes the invoice.',
        de: 'Mitten im Monat hinzugefügte Nutzer werden ohne Erklärung anteilig berechnet, und die Inhaberin beanstandet die Rechnung.',
      },
      personas: ['owner'],
      tags: [TAG_PRICING],
    },
    {
      stage: 'expansion',
      lane: 'opportunities',
      title: { en: 'Clear proration preview before any change', de: 'Transparente Vorschau vor jeder Tarifänderung' },
      body: {
        en: 'Show the exact pro-rata amount and the new monthly total before a seat or plan change is confirmed.',
        de: 'Vor jeder Änderung an Nutzern oder Tarif den genauen anteiligen Betrag und die neue Monatssumme anzeigen.',
      },
      tags: [TAG_QUICK_WIN, TAG_PRICING],
    },
    {
      stage: 'expansion',
      lane: 'backstage',
      title: { en: 'Expansion signals routed to the CSM', de: 'Expansion-Signale landen beim CSM' },
      body: {
        en: 'Seat utilisation above 90 % or repeated budget alerts create a CRM task with a tailored upgrade offer.',
        de: 'Eine Lizenzauslastung über 90 % oder wiederholte Budgetwarnungen erzeugen im CRM eine Aufgabe mit einem passenden Upgrade-Angebot.',
      },
      tags: [TAG_CUSTOMER_SUCCESS],
      actor: { en: 'Customer success manager', de: 'Customer-Success-Management' },
    },
    {
      stage: 'expansion',
      lane: 'metrics',
      title: { en: 'Net revenue retention ≥ 110 %', de: 'Net Revenue Retention ≥ 110 %' },
      body: {
        en: 'Recurring revenue from last year’s customers today, including upgrades and added seats, minus downgrades and churn.',
        de: 'Heutiger wiederkehrender Umsatz der Vorjahreskunden inklusive Upgrades und zusätzlicher Nutzer, abzüglich Downgrades und Kündigungen.',
      },
    },

    // ---------- Renewal ----------
    {
      key: 'ren-decide',
      stage: 'renewal',
      lane: 'actions',
      title: { en: 'Decides whether to renew the annual plan', de: 'Entscheidet über die Verlängerung des Jahresvertrags' },
      body: {
        en: 'Four weeks before renewal she weighs the annual price against recovered billable hours and team adoption.',
        de: 'Vier Wochen vor der Verlängerung wägt sie den Jahrespreis gegen zusätzlich abgerechnete Stunden und die Akzeptanz im Team ab.',
      },
      personas: ['owner'],
      momentOfTruth: true,
    },
    {
      stage: 'renewal',
      lane: 'actions',
      title: { en: 'Lists must-haves for next year', de: 'Schreibt die Must-haves fürs nächste Jahr auf' },
      body: {
        en: 'Sends the owner a short list: holiday-aware planning and retainer budgets are non-negotiable.',
        de: 'Schickt der Chefin eine kurze Liste: Urlaubsplanung in der Auslastung und Retainer-Budgets sind Pflicht.',
      },
      personas: ['lead'],
    },
    {
      stage: 'renewal',
      lane: 'touchpoints',
      title: { en: 'Renewal notice 30 days ahead', de: 'Verlängerungshinweis 30 Tage vorher' },
      body: {
        en: 'States the renewal date, amount and any price change, with a one-click option to book a call with the CSM.',
        de: 'Nennt Verlängerungsdatum, Betrag und eventuelle Preisänderungen – mit der Möglichkeit, per Klick ein Gespräch mit dem CSM zu buchen.',
      },
      channel: 'email',
    },
    {
      key: 'ren-review',
      stage: 'renewal',
      lane: 'touchpoints',
      title: { en: 'Year-in-review report', de: 'Jahresrückblick als Bericht' },
      body: {
        en: 'A personal summary: 1,400 extra billable hours captured and invoices out in 2 days instead of 9.',
        de: 'Eine persönliche Bilanz: 1.400 zusätzlich abgerechnete Stunden und Rechnungen nach 2 statt 9 Tagen beim Kunden.',
      },
      channel: 'app',
      personas: ['owner'],
    },
    {
      stage: 'renewal',
      lane: 'thoughts',
      title: { en: '“Would we really go back to spreadsheets?”', de: '„Würden wir wirklich zurück zu Excel wollen?“' },
      body: {
        en: 'Switching now would cost us a month of setup — but any price increase has to be justified.',
        de: 'Ein Wechsel würde uns einen Monat Einrichtung kosten – aber eine Preiserhöhung muss gut begründet sein.',
      },
      personas: ['owner'],
    },
    {
      stage: 'renewal',
      lane: 'emotions',
      title: { en: 'Reassured', de: 'Bestätigt' },
      body: {
        en: 'The year in review makes the value visible; price is no longer the main question.',
        de: 'Der Jahresrückblick macht den Nutzen sichtbar; der Preis ist nicht mehr die entscheidende Frage.',
      },
      emotion: 1,
      personas: ['owner'],
    },
    {
      stage: 'renewal',
      lane: 'pains',
      title: { en: 'Silent auto-renewal or surprise price rise', de: 'Stille Verlängerung oder überraschende Preiserhöhung' },
      body: {
        en: 'An unannounced annual charge, or a price rise first seen on the invoice, turns a happy customer into a cancellation.',
        de: 'Eine unangekündigte Jahresabbuchung oder eine Preiserhöhung, die erst auf der Rechnung auftaucht, macht aus zufriedenen Kunden eine Kündigung.',
      },
      tags: [TAG_PRICING],
    },
    {
      stage: 'renewal',
      lane: 'opportunities',
      title: { en: 'Renewal review with roadmap preview', de: 'Verlängerungsgespräch mit Roadmap-Ausblick' },
      body: {
        en: 'Offer a 20-minute call six weeks ahead showing the year’s ROI and the requested features that are coming next.',
        de: 'Sechs Wochen vorher ein 20-minütiges Gespräch anbieten, das den ROI des Jahres und die gewünschten, bald kommenden Funktionen zeigt.',
      },
      tags: [TAG_CUSTOMER_SUCCESS],
    },
    {
      stage: 'renewal',
      lane: 'backstage',
      title: { en: 'Renewal pipeline and churn-risk review', de: 'Verlängerungs-Pipeline und Churn-Risiko-Review' },
      body: {
        en: 'Customer success reviews every renewal 90 days out; accounts with falling health scores get a save plan owned by a named CSM.',
        de: 'Customer Success prüft jede Verlängerung 90 Tage im Voraus; Kunden mit sinkendem Health Score bekommen einen Rettungsplan mit fester CSM-Verantwortung.',
      },
      tags: [TAG_CUSTOMER_SUCCESS],
      actor: { en: 'Account management', de: 'Account Management' },
    },
    {
      stage: 'renewal',
      lane: 'metrics',
      title: { en: 'Annual logo churn < 10 %', de: 'Kundenabwanderung pro Jahr < 10 %' },
      body: {
        en: 'Share of paying agencies that cancel or do not renew; reasons are logged for every lost account.',
        de: 'Anteil zahlender Agenturen, die kündigen oder nicht verlängern; für jeden verlorenen Kunden wird der Grund erfasst.',
      },
    },

    ...SAAS_NEEDS,
  ],
  links: [
    {
      from: 'onb-import-pain',
      to: 'onb-emotion',
      label: { en: 'causes frustration', de: 'sorgt für Frust' },
    },
    {
      from: 'onb-import-pain',
      to: 'onb-import-opp',
      label: { en: 'solved by', de: 'gelöst durch' },
    },
    {
      from: 'act-first-invoice',
      to: 'conv-rate',
      label: { en: 'strongest predictor', de: 'stärkster Treiber' },
    },
    {
      from: 'conv-seat-pain',
      to: 'conv-rate',
      label: { en: 'lowers', de: 'senkt' },
    },
    {
      from: 'ren-review',
      to: 'ren-decide',
      label: { en: 'justifies renewal', de: 'begründet die Verlängerung' },
    },
  ],
};
