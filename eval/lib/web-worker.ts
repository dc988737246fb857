/**
 * A child process of `npm run eval -- --web --jobs N`: receives its share of
 * the pages, scores them, and sends one message per page, then its results.
 */
import type { WebPage } from './web.js';
import { evaluateWebPages } from './web-run.js';

process.once('message', (m: { pages: WebPage[]; metadata: boolean }) => {
  const docs = evaluateWebPages(m.pages, {
    metadata: m.metadata,
    progress: () => process.send?.({ type: 'page' }),
  });
  process.send?.({ type: 'done', docs }, () => process.exit(0));
});
