import { Loader2 } from 'lucide-react';
import { memo, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { renderThumbnailSvg } from '../../export/thumbnail';
import { instantiateTemplate, TEMPLATE_KEYS, TEMPLATES, type TemplateKey } from '../../model/templates';
import type { Locale } from '../../model/types';
import { svgDataUrl } from './svgDataUrl';

const previews = new Map<string, string>();

/** A template's miniature as an image URL; drawn once per template and language. */
function templatePreview(key: TemplateKey, locale: Locale): string {
  const cacheKey = `${key}/${locale}`;
  let url = previews.get(cacheKey);
  if (!url) {
    url = svgDataUrl(renderThumbnailSvg(instantiateTemplate(key, locale, { mapId: 'preview', createdAt: new Date(0) })));
    previews.set(cacheKey, url);
  }
  return url;
}

/**
 * The four templates as large choices, each with its miniature, title and description in the
 * chosen template language. Choosing one calls `onChoose`; while `pending` names a template,
 * that one shows a spinner and all are disabled.
 */
export function TemplateChoices({
  locale,
  pending,
  onChoose,
}: {
  locale: Locale;
  pending: TemplateKey | null;
  onChoose(key: TemplateKey): void;
}) {
  return (
    <ul className="lib-templates" role="list">
      {TEMPLATE_KEYS.map((key) => (
        <li key={key}>
          <TemplateChoice templateKey={key} locale={locale} pending={pending} onChoose={onChoose} />
        </li>
      ))}
    </ul>
  );
}

const TemplateChoice = memo(function TemplateChoice({
  templateKey,
  locale,
  pending,
  onChoose,
}: {
  templateKey: TemplateKey;
  locale: Locale;
  pending: TemplateKey | null;
  onChoose(key: TemplateKey): void;
}) {
  const { t } = useTranslation();
  const source = TEMPLATES[templateKey];
  const thumbnail = useMemo(() => templatePreview(templateKey, locale), [templateKey, locale]);
  // the blank template's map title ("Untitled journey") says little as a choice
  const title = templateKey === 'blank' ? t('library.create.blankTitle', { lng: locale }) : source.title[locale];
  const description = source.description[locale] || t('library.create.blankDescription', { lng: locale });
  const busy = pending === templateKey;
  const idBase = useId();
  const titleId = `${idBase}-title`;
  const descriptionId = `${idBase}-description`;
  const statsId = `${idBase}-stats`;
  return (
    <button
      type="button"
      className={`lib-template${busy ? ' is-busy' : ''}`}
      onClick={() => onChoose(templateKey)}
      disabled={pending !== null}
      aria-labelledby={titleId}
      aria-describedby={`${descriptionId} ${statsId}`}
      aria-busy={busy || undefined}
      data-template={templateKey}
    >
      <span className="lib-template-preview">
        <img src={thumbnail} alt="" draggable={false} />
        {busy && (
          <span className="lib-template-busy">
            <Loader2 size={20} className="lib-spin" aria-hidden="true" />
          </span>
        )}
      </span>
      <span className="lib-template-text">
        <span className="lib-template-title" id={titleId} lang={locale}>
          {title}
        </span>
        <span className="lib-template-description" id={descriptionId} lang={locale}>
          {description}
        </span>
        <span className="lib-template-stats" id={statsId}>
          {t('library.create.stats', { stages: source.stages.length, count: source.cards.length })}
        </span>
      </span>
    </button>
  );
});
