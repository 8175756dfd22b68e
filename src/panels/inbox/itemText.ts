import type { TFunction } from 'i18next';
import type { EvidenceItem } from '../../model/evidence';
import type { Suggestion } from '../../model/evidenceSuggest';
import type { Journey } from '../../model/types';

/** How an inbox item and its suggestions read: the one wording of the panel and the assign dialog. */

/** "matches 'refund' in title, 'late' in body · same stage": why a card was suggested, in words. */
export function suggestionWhy(suggestion: Suggestion, t: TFunction): string {
  const parts: string[] = [];
  if (suggestion.words.length > 0) {
    const words = suggestion.words.slice(0, 3).map((w) => t('inbox.why.word', { word: w.word, field: t(`inbox.why.fields.${w.field}`) }));
    parts.push(t('inbox.why.matches', { words: words.join(', ') }));
  }
  if (suggestion.sameStage) parts.push(t('inbox.why.sameStage'));
  if (suggestion.sameChannel) parts.push(t('inbox.why.sameChannel'));
  return parts.join(' · ');
}

/** A day as the reader writes it ("2 Mar 2026", "2. März 2026"); '' for no date. */
export function itemDate(date: string, language: string): string {
  if (!date) return '';
  const day = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return date;
  return day.toLocaleDateString(language, { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });
}

/** The item's facts after its text: source, date, score, count, stage and channel hints. */
export function itemFacts(item: EvidenceItem, journey: Pick<Journey, 'stages'> | null, t: TFunction, language: string): string[] {
  const facts = [t(`evidence.sources.${item.source}`)];
  const date = itemDate(item.date, language);
  if (date) facts.push(date);
  if (item.score !== null && item.scale !== null) facts.push(t(`inbox.score.${item.scale}`, { score: item.score }));
  if (item.sentiment) facts.push(t(`inbox.sentiment.${item.sentiment}`));
  if (item.count > 1) facts.push(t('inbox.count', { count: item.count }));
  if (item.stageId) {
    const stage = journey?.stages.find((s) => s.id === item.stageId);
    if (stage) facts.push(t('inbox.stageHint', { stage: stage.name.trim() || t('canvas.untitledStage') }));
  }
  if (item.channel) facts.push(t(`canvas.channels.${item.channel}`));
  return facts;
}

/** A card's name in lists: its title, else "Untitled card". */
export function cardName(card: { title: string }, t: TFunction): string {
  return card.title.trim() || t('inbox.untitledCard');
}
