export { renderJourneySvg, sceneToSvg, renderJourneyScene, journeyInScope, type JourneyImageOptions, type Translate, type SvgOptions } from './svg';
export { sceneToPdf, planPages, PAPER_SIZES, type PaperSize, type PdfPages, type PdfOptions } from './pdf';
export { journeyToCsv, readCsvCards, parseCsv, CSV_COLUMNS, neutraliseCell } from './csv';
export { importFile, importWaymarkJson, importCsv, detectFormat, titleFromFileName, withFreshIds, type ImportOutcome, type ImportFormat, type ImportOptions } from './import';
export { importOjf, laneKindFromName, scoreToEmotion } from './importOjf';
export { exportFileName } from './filename';
export { escapeXml, cleanText, measureText, clampLine, wrapLines } from './text';
export { renderThumbnailSvg } from './thumbnail';
export type { Scene, Shape, Box } from './scene';
