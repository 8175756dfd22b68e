import { describe, expect, it } from 'vitest';
import {
  activeMention,
  filterCandidates,
  findMentions,
  insertMention,
  mentionCandidates,
  mentionPeople,
  mentionQuery,
  mentionsIn,
  peopleDirectory,
  segmentText,
  type Person,
} from '../../src/panels/comments/mentions';

const ann: Person = { id: 'id-ann', name: 'Ann' };
const anna: Person = { id: 'id-anna', name: 'Anna' };
const annLee: Person = { id: 'id-annlee', name: 'Ann Lee' };
const jurgen: Person = { id: 'id-jurgen', name: 'Jürgen Maier' };

describe('who can be mentioned', () => {
  it('the people present, once each, never me, never nameless or without an id; by name', () => {
    const peers = [
      { id: 'id-bo', name: 'Bo', color: '#2563eb' },
      { id: 'me', name: 'Me', color: '#059669' },
      { id: 'id-ann', name: '  Ann  ', color: '#dc2626' },
      { id: 'id-bo', name: 'Bo', color: '#2563eb' }, // a second tab
      { id: '', name: 'Old client', color: '#000000' },
      { id: 'id-blank', name: '   ', color: '#000000' },
    ];
    expect(mentionCandidates(peers, 'me').map((p) => [p.id, p.name])).toEqual([
      ['id-ann', 'Ann'],
      ['id-bo', 'Bo'],
    ]);
  });

  it('filters by the start of the name or of a later word, ignoring case and accents', () => {
    const people = [ann, anna, annLee, jurgen];
    expect(filterCandidates(people, 'ann').map((p) => p.name)).toEqual(['Ann', 'Anna', 'Ann Lee']);
    expect(filterCandidates(people, 'ann ').map((p) => p.name)).toEqual(['Ann Lee']);
    expect(filterCandidates(people, 'jur').map((p) => p.name)).toEqual(['Jürgen Maier']);
    expect(filterCandidates(people, 'mai').map((p) => p.name)).toEqual(['Jürgen Maier']);
    expect(filterCandidates(people, '')).toHaveLength(4);
    expect(filterCandidates(people, 'zed')).toEqual([]);
  });
});

describe('the @query at the caret', () => {
  it('starts at an @ at the start of the text or after a space or punctuation', () => {
    expect(mentionQuery('@An', 3)).toEqual({ start: 0, query: 'An' });
    expect(mentionQuery('hi (@An', 7)).toEqual({ start: 4, query: 'An' });
    expect(mentionQuery('hi @', 4)).toEqual({ start: 3, query: '' });
  });

  it('is not an e-mail address, does not cross a line and does not start with a space', () => {
    expect(mentionQuery('mail ann@example', 16)).toBeNull();
    expect(mentionQuery('@Ann\nthere', 10)).toBeNull();
    expect(mentionQuery('@ Ann', 5)).toBeNull();
    expect(mentionQuery('no at here', 10)).toBeNull();
  });

  it('closes once a picked name is followed by a space, unless a longer name still matches', () => {
    expect(activeMention('@Ann ', 5, [ann])).toBeNull();
    expect(activeMention('@Ann ', 5, [ann, annLee])).toBeNull();
    expect(activeMention('@Ann L', 6, [ann, annLee])?.options).toEqual([annLee]);
    expect(activeMention('@An', 3, [])).toBeNull();
  });

  it('picking replaces the query with @Name and a space, the caret after it', () => {
    expect(insertMention('Hi @an please look', 3, 6, 'Ann Lee')).toEqual({ text: 'Hi @Ann Lee please look', caret: 12 });
    expect(insertMention('Hi @an', 3, 6, 'Ann Lee')).toEqual({ text: 'Hi @Ann Lee ', caret: 12 });
  });
});

describe('mentions in a finished comment', () => {
  it('keeps only the ids whose @Name is still in the text', () => {
    expect(mentionsIn('@Ann can you check?', [ann, jurgen])).toEqual(['id-ann']);
    expect(mentionsIn('Never mind', [ann])).toEqual([]);
  });

  it('reads names with spaces, and the longer name when one is a prefix of another', () => {
    expect(mentionsIn('@Ann Lee and @Jürgen Maier: thoughts?', [ann, annLee, jurgen])).toEqual(['id-annlee', 'id-jurgen']);
    expect(mentionsIn('ping @Anna', [ann, anna])).toEqual(['id-anna']);
    expect(mentionsIn('ping @Ann, please', [ann, anna])).toEqual(['id-ann']);
    expect(mentionsIn('ping @Annabel', [ann, anna])).toEqual([]);
  });

  it('ignores case, repeats and e-mail addresses', () => {
    expect(mentionsIn('@ann and again @ANN', [ann])).toEqual(['id-ann']);
    expect(mentionsIn('write to x@Ann', [ann])).toEqual([]);
  });

  it('the person picked decides between namesakes; unpicked namesakes present are both mentioned', () => {
    const otherAnn: Person = { id: 'id-ann-2', name: 'Ann' };
    expect(mentionsIn('@Ann hi', mentionPeople([otherAnn], [ann, otherAnn]))).toEqual(['id-ann-2']);
    expect(mentionsIn('@Ann hi', mentionPeople([], [ann, otherAnn])).sort()).toEqual(['id-ann', 'id-ann-2']);
  });

  it('cuts the text into plain pieces and mentions, losing nothing', () => {
    const text = '<b>@Ann</b> & @Ann Lee';
    const segments = segmentText(text, [ann, annLee]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.mention).map((s) => [s.text, s.mention!.map((p) => p.id)])).toEqual([
      ['@Ann', ['id-ann']],
      ['@Ann Lee', ['id-annlee']],
    ]);
    expect(segmentText('', [ann])).toEqual([]);
    expect(findMentions('@', [ann])).toEqual([]);
  });

  it('names mentioned ids from authors, the people present and me, the newest name winning', () => {
    const directory = peopleDirectory(
      [
        { authorId: 'id-x', author: 'Old Name' },
        { authorId: 'id-x', author: 'New Name' },
        { authorId: '', author: 'Nobody' },
      ],
      [{ id: 'id-y', name: 'Present', color: '#2563eb' }],
      { id: 'me', name: 'Myself', color: '#059669' },
    );
    expect([...directory.values()].map((p) => p.name)).toEqual(['New Name', 'Present', 'Myself']);
  });
});
