export { useMapImport, ImportButton, IMPORT_ACCEPT, type MapImportOptions } from './useMapImport';
export { ImportProblemsDialog } from './ImportProblemsDialog';
export { loadImporter } from './loadImporter';
