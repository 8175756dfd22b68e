import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PAPER_SIZES, pdfPlan, SMALL_PRINT_SCALE, type PaperSize, type PdfPages } from '../../export/pdf';
import { journeySceneSize, type Translate } from '../../export/render';
import { readImages } from '../../model/images';
import { useEditor } from '../../store/editorStore';

/**
 * Says how the PDF will print before it is made — how many sheets, at what size — and warns
 * when the map would be too small to read, naming what helps (tiling, a larger paper). A
 * 24-stage map fitted on one A4 sheet prints its cards at 2 pt; people did not find the
 * choices that fix it.
 */
export function PdfPlanNote({ paper, pages, stageIds, translate }: { paper: PaperSize; pages: PdfPages; stageIds: readonly string[] | null; translate: Translate }) {
  const { t } = useTranslation();
  const journey = useEditor((s) => s.journey);
  const doc = useEditor((s) => s.session?.doc ?? null);
  // the dialog makes a new stage list on every render; measure again only when its content changes
  const stageKey = stageIds ? stageIds.join(',') : null;
  const size = useMemo(
    // cards with a picture print taller: measure with the map's images
    () => (journey ? journeySceneSize(journey, { t: translate, stageIds: stageKey === null ? null : stageKey.split(',').filter(Boolean), images: doc ? readImages(doc) : undefined }) : null),
    [journey, doc, stageKey, translate],
  );
  if (!size) return null;
  const plan = pdfPlan(size.width, size.height, paper, pages);
  // 0.75 pt per pixel is what a browser prints at 100 %
  const percent = Math.round((plan.scale / 0.75) * 100);
  const paperName = t(`exporting.dialog.papers.${paper}`);
  const summary = t('exporting.dialog.pdfPlan', { count: plan.count, paper: paperName, percent });
  // a larger paper that would hold the map on one sheet at a comfortable size, if any
  const larger = (Object.keys(PAPER_SIZES) as PaperSize[]).find((p) => p !== paper && pdfPlan(size.width, size.height, p, 'fit').scale >= SMALL_PRINT_SCALE);
  const largerText = larger ? t('exporting.dialog.pdfLargerPaper', { paper: t(`exporting.dialog.papers.${larger}`) }) : '';
  if (plan.readable && !plan.small) {
    return (
      <p className="wm-export-note wm-export-plan" data-pages={plan.count} data-scale={plan.scale.toFixed(3)}>
        {summary}
      </p>
    );
  }
  if (plan.readable) {
    return (
      <p className="wm-export-note wm-export-plan" data-pages={plan.count} data-scale={plan.scale.toFixed(3)}>
        {summary} {t('exporting.dialog.pdfSmallPrint')} {largerText}
      </p>
    );
  }
  return (
    <p className="wm-export-warning wm-export-plan" role="alert" data-pages={plan.count} data-scale={plan.scale.toFixed(3)}>
      {summary} {t('exporting.dialog.pdfTooSmall')} {largerText}
    </p>
  );
}
