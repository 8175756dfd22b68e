import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { journeyToDoc } from '../model/doc';
import { instantiateTemplate, TEMPLATE_KEYS, TEMPLATES, type TemplateKey } from '../model/templates';
import { SUPPORTED_LOCALES, type Locale } from '../model/types';
import { serializeMap } from '../schema';
import { JourneyThumbnail } from './JourneyThumbnail';

/** The templates a new map can start from, until the map library (and the editor) take over. */
export function TemplateGallery() {
  const { t, i18n } = useTranslation();
  const [templateLocale, setTemplateLocale] = useState<Locale>(i18n.language as Locale);
  return (
    <section aria-labelledby="gallery-heading">
      <div className="section-head">
        <div>
          <h1 id="gallery-heading">{t('app.library.heading')}</h1>
          <p className="lede">{t('app.library.intro')}</p>
        </div>
        <label className="field-inline">
          <span>{t('app.library.templateLanguage')}</span>
          <select value={templateLocale} onChange={(e) => setTemplateLocale(e.target.value as Locale)}>
            {SUPPORTED_LOCALES.map((l) => (
              <option key={l} value={l}>
                {t(`app.languages.${l}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ul className="template-grid">
        {TEMPLATE_KEYS.map((key) => (
          <TemplateTile key={key} templateKey={key} locale={templateLocale} />
        ))}
      </ul>
    </section>
  );
}

function TemplateTile({ templateKey, locale }: { templateKey: TemplateKey; locale: Locale }) {
  const { t } = useTranslation();
  const source = TEMPLATES[templateKey];
  const preview = useMemo(() => instantiateTemplate(templateKey, locale), [templateKey, locale]);
  const download = () => {
    const journey = instantiateTemplate(templateKey, locale);
    const blob = new Blob([serializeMap(journeyToDoc(journey))], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `${templateKey}-${locale}.waymark.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <li className="template-tile">
      <JourneyThumbnail journey={preview} />
      <h2>{source.title[locale]}</h2>
      <p className="tile-kind">{t(`app.templates.${templateKey}`)}</p>
      {source.description[locale] && <p className="tile-description">{source.description[locale]}</p>}
      <p className="tile-stats">
        {t('app.library.stats', {
          stages: source.stages.length,
          lanes: source.lanes.length,
          cards: source.cards.length,
          personas: source.personas.length,
        })}
      </p>
      <button type="button" onClick={download} title={t('app.library.downloadHint')}>
        {t('app.library.download')}
      </button>
    </li>
  );
}
