import type { TemplateCard } from './types';

/*
 * The "Needs & goals" lane of each content template: what the customer wants to get done at each
 * stage, the job the product or service is hired for. Kept beside the templates so their files
 * stay readable; each template appends its list to its cards.
 */

export const RETAIL_NEEDS: TemplateCard[] = [
  {
    stage: 'awareness',
    lane: 'needs',
    title: { en: 'Be ready for the summer hike', de: 'Für die Sommerwanderung gerüstet sein' },
    body: {
      en: 'Find out what the family really needs this year, without a sales pitch.',
      de: 'Herausfinden, was die Familie dieses Jahr wirklich braucht – ohne Verkaufsgespräch.',
    },
  },
  {
    stage: 'consideration',
    lane: 'needs',
    title: { en: 'Pick the right model in the right size', de: 'Das richtige Modell in der richtigen Größe finden' },
    body: {
      en: 'And trust that “in stock” online means on the shelf.',
      de: 'Und sich darauf verlassen, dass „vorrätig“ online auch im Regal heißt.',
    },
  },
  {
    stage: 'purchase',
    lane: 'needs',
    title: { en: 'Pay fast, at a fair price', de: 'Schnell und zu einem fairen Preis bezahlen' },
    body: {
      en: 'Voucher and loyalty points applied without a fight, in store or in the app.',
      de: 'Gutschein und Treuepunkte ohne Diskussion eingelöst – in der Filiale oder in der App.',
    },
  },
  {
    stage: 'delivery',
    lane: 'needs',
    title: { en: 'Have the gear in hand before Friday', de: 'Die Ausrüstung vor Freitag in der Hand haben' },
    body: {
      en: 'Know when and where it arrives, and pick it up without a search.',
      de: 'Wissen, wann und wo sie ankommt, und sie ohne Suchen abholen.',
    },
  },
  {
    stage: 'use',
    lane: 'needs',
    title: { en: 'Stay dry and comfortable on the trail', de: 'Unterwegs trocken und bequem bleiben' },
    body: {
      en: 'Gear that keeps its promise in the rain.',
      de: 'Ausrüstung, die im Regen hält, was sie verspricht.',
    },
  },
  {
    stage: 'return',
    lane: 'needs',
    title: { en: 'Send back what doesn’t fit, get the money back', de: 'Zurückgeben, was nicht passt – und das Geld zurück' },
    body: {
      en: 'With no printer, no detour and no voucher instead of a refund.',
      de: 'Ohne Drucker, ohne Umweg und ohne Gutschein statt Erstattung.',
    },
  },
  {
    stage: 'complaint',
    lane: 'needs',
    title: { en: 'Be taken seriously, tell the story once', de: 'Ernst genommen werden, die Geschichte nur einmal erzählen' },
  },
  {
    stage: 'repair',
    lane: 'needs',
    title: { en: 'Get the jacket back before the next trip', de: 'Die Jacke bis zur nächsten Tour zurückhaben' },
    body: {
      en: 'And know where it stands in the meantime.',
      de: 'Und zwischendurch wissen, wie es um sie steht.',
    },
  },
];

export const SAAS_NEEDS: TemplateCard[] = [
  {
    stage: 'discover',
    lane: 'needs',
    title: { en: 'Find out whether it fits an agency like ours', de: 'Herausfinden, ob es zu einer Agentur wie unserer passt' },
    body: {
      en: 'Prices, hours and budgets, and agencies that use it, without talking to sales.',
      de: 'Preise, Stunden und Budgets und Agenturen, die es nutzen – ohne Vertriebsgespräch.',
    },
  },
  {
    stage: 'signup',
    lane: 'needs',
    title: { en: 'See the value in one evening', de: 'An einem Abend den Nutzen sehen' },
    body: {
      en: 'Start without a credit card and try it with real work.',
      de: 'Ohne Kreditkarte starten und es mit echter Arbeit ausprobieren.',
    },
  },
  {
    stage: 'onboarding',
    lane: 'needs',
    title: { en: 'Move clients and rates over without retyping', de: 'Kunden und Stundensätze übernehmen, ohne abzutippen' },
    body: {
      en: 'And get the whole team tracking time from week one.',
      de: 'Und das ganze Team ab der ersten Woche zum Zeiterfassen bringen.',
    },
  },
  {
    stage: 'activation',
    lane: 'needs',
    title: { en: 'Turn tracked hours into an invoice in minutes', de: 'Erfasste Stunden in Minuten zur Rechnung machen' },
  },
  {
    stage: 'convert',
    lane: 'needs',
    title: { en: 'Pay only for the value the team gets', de: 'Nur für den Nutzen zahlen, den das Team hat' },
    body: {
      en: 'A plan that fits, freelancers included, agreed without a long debate.',
      de: 'Ein passender Tarif, Freelancer inklusive, ohne lange Diskussion freigegeben.',
    },
  },
  {
    stage: 'everyday',
    lane: 'needs',
    title: { en: 'Close the month without surprises', de: 'Den Monat ohne Überraschungen abschließen' },
    body: {
      en: 'Reliable numbers, and quick help when something breaks.',
      de: 'Verlässliche Zahlen – und schnelle Hilfe, wenn etwas hakt.',
    },
  },
  {
    stage: 'expansion',
    lane: 'needs',
    title: { en: 'Roll out to the whole team at a predictable cost', de: 'Auf das ganze Team ausweiten – zu planbaren Kosten' },
  },
  {
    stage: 'renewal',
    lane: 'needs',
    title: { en: 'Be sure it is still worth it next year', de: 'Sicher sein, dass es sich auch nächstes Jahr lohnt' },
    body: {
      en: 'Usage and savings in numbers she can show her partners.',
      de: 'Nutzung und Einsparung in Zahlen, die sie ihren Partnern zeigen kann.',
    },
  },
];

export const SERVICE_NEEDS: TemplateCard[] = [
  {
    stage: 'problem',
    lane: 'needs',
    title: { en: 'Know whether the car is still safe to drive', de: 'Wissen, ob das Auto noch sicher fährt' },
    body: {
      en: 'And roughly what the fix will cost, before the week falls apart.',
      de: 'Und ungefähr, was die Reparatur kostet – bevor die Woche zerfällt.',
    },
  },
  {
    stage: 'find',
    lane: 'needs',
    title: { en: 'Find a workshop that won’t rip them off', de: 'Eine Werkstatt finden, die nicht abzockt' },
  },
  {
    stage: 'book',
    lane: 'needs',
    title: { en: 'Get a slot soon that fits the working day', de: 'Bald einen Termin, der in den Arbeitstag passt' },
    body: {
      en: 'For Deniz also a courtesy van and a same-day repair.',
      de: 'Für Deniz auch ein Ersatzwagen und die Reparatur am selben Tag.',
    },
  },
  {
    stage: 'prepare',
    lane: 'needs',
    title: { en: 'Plan a day without the car', de: 'Einen Tag ohne Auto planen' },
    body: {
      en: 'Lifts, the school run and the van confirmed, not hoped for.',
      de: 'Mitfahrt, Schulweg und Ersatzwagen bestätigt – nicht nur erhofft.',
    },
  },
  {
    stage: 'dropoff',
    lane: 'needs',
    title: { en: 'Hand over fast, with a cost limit agreed', de: 'Schnell abgeben, mit vereinbarter Kostengrenze' },
  },
  {
    stage: 'diagnosis',
    lane: 'needs',
    title: { en: 'Understand the findings and decide with confidence', de: 'Den Befund verstehen und sicher entscheiden' },
    body: {
      en: 'What is urgent, what can wait, and what each costs.',
      de: 'Was dringend ist, was warten kann und was jeweils kostet.',
    },
  },
  {
    stage: 'repair',
    lane: 'needs',
    title: { en: 'Know it will be ready as promised', de: 'Wissen, dass es wie versprochen fertig wird' },
  },
  {
    stage: 'pickup',
    lane: 'needs',
    title: { en: 'Pay what was agreed, know what was done', de: 'Zahlen, was vereinbart war, und wissen, was gemacht wurde' },
  },
  {
    key: 'fu-need',
    stage: 'followup',
    lane: 'needs',
    title: { en: 'Drive sure that the repair holds', de: 'Sicher fahren, weil die Reparatur hält' },
  },
];
