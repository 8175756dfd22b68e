import {
  BarChart3,
  ClipboardList,
  Eye,
  FileText,
  Frown,
  Headset,
  Meh,
  MessagesSquare,
  Mic,
  Share2,
  Smile,
  Star,
  Users,
  type LucideIcon,
} from 'lucide-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { longDay } from '../../model/evidenceFigures';
import type { EvidenceItem, EvidenceSource, Sentiment } from '../../model/evidence';
import { scoreWords, webLink } from './logic';

export const SOURCE_ICONS: Record<EvidenceSource, LucideIcon> = {
  interview: Mic,
  survey: ClipboardList,
  support: Headset,
  chat: MessagesSquare,
  social: Share2,
  review: Star,
  observation: Eye,
  analytics: BarChart3,
  workshop: Users,
  other: FileText,
};

const SENTIMENT_ICONS: Record<Sentiment, LucideIcon> = { positive: Smile, neutral: Meh, negative: Frown };

/** A day as the reader's language writes it ("4 Dec 2026", "04.12.2026"), from YYYY-MM-DD. */
/**
 * One piece of evidence as text: the quote, then where it came from, when, how many it stands
 * for, the sentiment and the score on its scale, then the reference. Everything a peer or a file
 * wrote goes in as React text, never as HTML; a reference that is a web address is a link that
 * opens only when clicked (new tab, no referrer), and the app never fetches it.
 */
export function EvidenceItemView({ item, actions }: { item: EvidenceItem; actions?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const SourceIcon = SOURCE_ICONS[item.source];
  const SentimentIcon = item.sentiment ? SENTIMENT_ICONS[item.sentiment] : null;
  const score = scoreWords(item);
  const link = item.reference ? webLink(item.reference) : null;
  return (
    <div className="ev-item" data-evidence-id={item.id}>
      <p className="ev-quote">{item.text}</p>
      <p className="ev-facts">
        <span className="ev-source">
          <SourceIcon size={13} aria-hidden="true" />
          {t(`evidence.sources.${item.source}`)}
        </span>
        {item.date && <time dateTime={item.date}>{longDay(item.date, i18n.language)}</time>}
        {item.count > 1 && (
          <span className="ev-count" title={t('evidence.item.countTitle', { count: item.count })}>
            {t('evidence.item.count', { count: item.count })}
          </span>
        )}
        {SentimentIcon && item.sentiment && (
          <span className={`ev-sentiment is-${item.sentiment}`}>
            <SentimentIcon size={13} aria-hidden="true" />
            {t(`evidence.sentiments.${item.sentiment}`)}
          </span>
        )}
        {score && item.scale && (
          <span className="ev-score" title={t('evidence.item.scoreTitle', { score: score.score, scale: t(`evidence.scales.${item.scale}`) })}>
            {t(score.key, { score: score.score })}
          </span>
        )}
      </p>
      {item.reference && (
        <p className="ev-reference">
          <span className="ev-reference-label">{t('evidence.item.reference')}: </span>
          {link ? (
            <a href={link} target="_blank" rel="noopener noreferrer" referrerPolicy="no-referrer">
              {item.reference}
            </a>
          ) : (
            <span>{item.reference}</span>
          )}
        </p>
      )}
      {item.addedBy && <p className="ev-by">{t('evidence.item.addedBy', { name: item.addedBy })}</p>}
      {actions}
    </div>
  );
}
