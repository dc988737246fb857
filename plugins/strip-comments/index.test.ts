import type { Root } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { readText } from '../../src/readers/text.js';
import { labelOf } from '../shared/label.js';
import { remarkStripComments, threadMarker } from './index.js';

const P1 =
  'The river rose by two metres overnight, and the town council opened the old school as a shelter for the families who had to leave their homes.';
const P2 =
  'By the afternoon the water had started to fall again, but the roads to the north of the town stayed closed while engineers checked the bridges.';

function labelled(lines: string[]): string[] {
  const tree = readText(lines.join('\n')) as Root;
  unified().use(remarkStripComments).runSync(tree, new VFile());
  return tree.children
    .filter((c) => labelOf(c)?.ruleId === 'strip-comments')
    .map((c) => mdToString(c));
}

describe('remark-strip-comments', () => {
  it.each([
    '12 comments',
    '3 Kommentare',
    '5 réponses',
    '2 thoughts on “Flood in the valley”',
    'One response to “Flood in the valley”',
    'Comments (4)',
    'Kommentare:',
    '评论',
    'Комментарии',
  ])('should read “%s” as a thread’s opening line', (line) => {
    expect(threadMarker(line)).toBe('count');
  });

  it.each([
    'Leave a Reply',
    'Post a comment',
    'Schreibe einen Kommentar',
    'Deja un comentario',
    'Laisser un commentaire',
  ])('should read the reply form title “%s” as a thread’s opening line', (line) => {
    expect(threadMarker(line)).toBe('invitation');
  });

  it.each([
    'Comments on the draft law closed in March, the ministry said, after thousands of letters arrived.',
    'Comment is free',
    'Three reactions',
  ])('should not read “%s” as an opening line (near miss)', (line) => {
    expect(threadMarker(line)).toBeUndefined();
  });

  it('should label a thread after the article, from its opening line to the end', () => {
    const out = labelled([
      P1,
      P2,
      '2 comments',
      'Anna says:',
      'March 3, 2021 at 4:12 pm',
      'Great piece, thanks.',
      'Reply',
      'Leave a Reply',
      'Your email address will not be published. Required fields are marked *',
    ]);
    expect(out).toEqual([
      '2 comments',
      'Anna says:',
      'March 3, 2021 at 4:12 pm',
      'Great piece, thanks.',
      'Reply',
      'Leave a Reply',
      'Your email address will not be published. Required fields are marked *',
    ]);
  });

  it('should end the thread at the page’s copyright footer (left to the boilerplate detectors)', () => {
    expect(
      labelled([
        P1,
        P2,
        '2 comments',
        'Anna says:',
        'Great piece.',
        '© 2024 Example Media. All rights reserved.',
      ]),
    ).toEqual(['2 comments', 'Anna says:', 'Great piece.']);
  });

  it('should label a reply form with no comments yet', () => {
    expect(labelled([P1, P2, 'Leave a comment', 'Name', 'Email'])).toEqual([
      'Leave a comment',
      'Name',
      'Email',
    ]);
  });

  it('should leave a comment count above the article alone (a forum page, a byline’s count)', () => {
    expect(labelled(['12 comments', 'Reply', P1, P2])).toEqual([]);
  });

  it('should leave a “Comments” section that is not a thread alone (a style guide on code comments)', () => {
    const rule =
      'Write comments in full sentences, and say why the code does what it does rather than what it does, which the code already shows.';
    expect(labelled([P1, P2, 'Comments', rule, rule.replace('full', 'short')])).toEqual([]);
  });
});
