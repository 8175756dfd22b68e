export { useMapImport, ImportButton, IMPORT_ACCEPT, type MapImportOptions } from './useMapImport';
export { ImportProblemsDialog } from './ImportProblemsDialog';
export { readAndImport, uniqueTitle, docForImport, storeImportedMap } from './importMap';
