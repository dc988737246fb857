/**
 * The shared types (`file.data`, `node.data.copydesk`, metadata shapes) live
 * in `plugins/shared/types.ts` so that plugins never import from `src/`;
 * re-exported here for the library's users and `src/` modules.
 */
export type * from '../plugins/shared/types.js';
