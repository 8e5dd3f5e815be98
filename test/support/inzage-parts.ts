/**
 * The inzage parts as the app registers them, for the export's tests in electron/core/avg/: an area's own files
 * never import the assembled registry (electron/core/handlers.ts), so its tests reach it through here.
 */
export { inzageParts } from '../../electron/core/handlers.ts';
