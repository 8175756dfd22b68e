/**
 * Creating a map from a template needs the templates' content, a chunk of its own: the library
 * fetches it when a template is chosen, or earlier when the app prefetches.
 */
export const loadNewMap = () => import('./newMap');
