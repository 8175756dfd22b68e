/**
 * Import's code (the JSON, CSV and OpenJourney parsers with their schema checks) is a chunk of
 * its own: the library fetches it when a file arrives, or earlier when the app prefetches.
 */
export const loadImporter = () => import('./importMap');
