import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { markdownFile } from '../../tests/helpers/fixtures.js';
import { label } from '../shared/label.js';
import { hostCandidates, resolveSitePack } from '../sites/resolve.js';
import type { SitePack } from '../sites/types.js';
import { remarkApplySitePack } from './index.js';

const exact: SitePack = { hosts: ['news.example.com'], remove: [{ name: 'a', text: 'alpha' }] };
const base: SitePack = { hosts: ['example.com'], remove: [{ name: 'b', text: 'beta' }] };
const detected: SitePack = {
  hosts: ['detected.example'],
  detect: ({ htmlMeta }) => htmlMeta?.meta.generator === 'QuillPress',
};

function labelsOf(markdown: string, packs: SitePack[], url?: string, before?: (t: Root) => void) {
  const file = markdownFile(markdown, url);
  const tree = unified().use(remarkParse).parse(markdown);
  before?.(tree);
  unified().use(remarkApplySitePack, { packs }).runSync(tree, file);
  return { labels: tree.children.map((c) => c.data?.copydesk?.label?.ruleId ?? null), file };
}

describe('site pack resolver', () => {
  it('should list the host and its parent domains, never a bare TLD', () => {
    expect(hostCandidates('www.news.example.com')).toEqual([
      'www.news.example.com',
      'news.example.com',
      'example.com',
    ]);
    expect(hostCandidates('localhost')).toEqual(['localhost']);
  });

  it('should pick the exact host first, then the base domain, then detect(), else none', () => {
    const packs = [base, exact, detected];
    const none = { htmlMeta: undefined, text: '' };
    expect(resolveSitePack(packs, { ...none, host: 'news.example.com' })).toBe(exact);
    expect(resolveSitePack(packs, { ...none, host: 'www.news.example.com' })).toBe(exact);
    expect(resolveSitePack(packs, { ...none, host: 'sport.example.com' })).toBe(base);
    const htmlMeta = { meta: { generator: 'QuillPress' }, jsonLd: [], times: [], bylines: [] };
    expect(resolveSitePack(packs, { host: 'other.org', htmlMeta, text: '' })).toBe(detected);
    expect(resolveSitePack(packs, { ...none, host: 'example.org' })).toBeUndefined();
    expect(resolveSitePack(packs, { ...none, host: undefined })).toBeUndefined();
  });
});

describe('remarkApplySitePack', () => {
  it('should label matching blocks with site/<host>/<name>', () => {
    const { labels, file } = labelsOf(
      'alpha one\n\nbeta two\n\ngamma\n',
      [exact, base],
      'https://news.example.com/x',
    );
    expect(labels).toEqual(['site/news.example.com/a', null, null]);
    expect(file.data.site?.pack).toBe('news.example.com');
  });

  it('should do nothing for documents of other sites', () => {
    const { labels } = labelsOf('alpha one\n', [exact], 'https://elsewhere.example/x');
    expect(labels).toEqual([null]);
  });

  it('should only add: a block already labelled or kept keeps its own mark', () => {
    const { labels } = labelsOf(
      'alpha one\n\nalpha two\n',
      [exact],
      'https://news.example.com/x',
      (t) => {
        label(t.children[0] as never, {
          ruleId: 'strip-newsletter',
          reason: 'cta',
          confidence: 0.6,
        });
        (t.children[1] as { data?: unknown }).data = {
          copydesk: { keep: { ruleId: 'user/keep', reason: 'k' } },
        };
      },
    );
    expect(labels).toEqual(['strip-newsletter', null]);
  });

  it("should run a pack's own plugins on its documents only", () => {
    const seen: string[] = [];
    const withPlugin: SitePack = {
      hosts: ['p.example'],
      plugins: [() => (_t, f) => void seen.push(String(f.data.site?.pack))],
    };
    labelsOf('x\n', [withPlugin], 'https://p.example/a');
    labelsOf('x\n', [withPlugin], 'https://q.example/a');
    expect(seen).toEqual(['p.example']);
  });

  it('should throw at attach time on a pack without hosts', () => {
    expect(() =>
      unified()
        .use(remarkApplySitePack, { packs: [{ hosts: [] }] })
        .freeze(),
    ).toThrow(/at least one host/);
  });
});
