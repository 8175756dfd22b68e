import { Check } from 'lucide-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PALETTE, paletteEntry } from './palette';

interface ColorFieldProps {
  legend: string;
  /** the stored colour; null is "default"; undefined means the selection is mixed */
  value: string | null | undefined;
  onChange(color: string | null): void;
  /** offer "default" (no colour) */
  allowDefault?: boolean;
  /** offer a free colour picker besides the palette */
  allowCustom?: boolean;
}

/** A radio group of colour swatches: "default", the palette, and the current colour if it is another. */
export function ColorField({ legend, value, onChange, allowDefault = false, allowCustom = false }: ColorFieldProps) {
  const { t } = useTranslation();
  const name = useId();
  const customId = useId();
  const inPalette = paletteEntry(value);
  // a colour from a file or a peer that is not in the palette still shows, selected
  const other = value && !inPalette ? value : null;
  return (
    <fieldset className="pn-field pn-fieldset">
      <legend className="pn-label">{legend}</legend>
      <div className="pn-swatches">
        {allowDefault && (
          <label className="pn-swatch pn-swatch-default" title={t('panels.colors.default')}>
            <input type="radio" name={name} checked={value === null} onChange={() => onChange(null)} aria-label={t('panels.colors.default')} />
            <span aria-hidden="true" />
          </label>
        )}
        {PALETTE.map((c) => (
          <label key={c.key} className="pn-swatch" title={t(`panels.colors.${c.key}`)}>
            <input type="radio" name={name} checked={inPalette?.key === c.key} onChange={() => onChange(c.hex)} aria-label={t(`panels.colors.${c.key}`)} />
            <span aria-hidden="true" style={{ background: c.hex }}>
              <Check size={14} strokeWidth={3} />
            </span>
          </label>
        ))}
        {other && (
          <label className="pn-swatch" title={other}>
            <input type="radio" name={name} checked onChange={() => onChange(other)} aria-label={other} />
            <span aria-hidden="true" style={{ background: other }}>
              <Check size={14} strokeWidth={3} />
            </span>
          </label>
        )}
        {allowCustom && (
          <span className="pn-custom-color">
            <label htmlFor={customId} className="pn-visually-hidden">
              {t('panels.colors.custom')}
            </label>
            <input
              id={customId}
              type="color"
              title={t('panels.colors.custom')}
              value={/^#[0-9a-f]{6}$/i.test(value ?? '') ? value! : '#64748b'}
              onChange={(e) => onChange(e.target.value)}
            />
          </span>
        )}
      </div>
    </fieldset>
  );
}
