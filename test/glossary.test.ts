// docs/glossary.md against the Japanese strings: no term of the glossary's "not" column may appear in
// the server's message catalogue (every area) or in the client's Japanese files (package.nls.ja.json,
// l10n/bundle.l10n.ja.json). Approved terms are taken out first, so リセラー inside 間接リセラー is fine.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Entry, joined } from '../server/src/messages/entry';
import { AREAS } from '../server/src/messages';
import { repoRoot } from './support';

interface GlossaryRow {
  english: string;
  japanese: string[];
  not: string[];
  source: string;
}

/** The terms of a table cell: each between backticks (a note outside them, as "(alone)", is not a term). */
const terms = (cell: string): string[] => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);

/** The rows of the glossary's table (English | Japanese | not | defined at). */
function readGlossary(markdown: string): GlossaryRow[] {
  const lines = markdown.split('\n');
  const header = lines.findIndex((line) => /^\|\s*English\s*\|\s*Japanese\s*\|\s*not\s*\|/.test(line));
  if (header < 0) throw new Error('docs/glossary.md has no "| English | Japanese | not | defined at |" table');
  const rows: GlossaryRow[] = [];
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    const cells = line.split('|').slice(1, -1);
    if (cells.length !== 4) throw new Error(`a glossary row has ${cells.length} cells: ${line}`);
    const [english, japanese, not, source] = cells.map((cell) => cell.trim());
    rows.push({ english, japanese: terms(japanese), not: terms(not), source });
  }
  return rows;
}

/**
 * The "not" terms found in `text` once every approved term is taken out (longest first, so that a term
 * inside a longer approved one goes with it).
 */
function forbiddenTerms(text: string, rows: readonly GlossaryRow[]): string[] {
  const approved = rows.flatMap((row) => row.japanese).sort((a, b) => b.length - a.length);
  let rest = text;
  for (const term of approved) rest = rest.split(term).join('\u0000');
  return rows.flatMap((row) => row.not).filter((term) => rest.includes(term));
}

/** Every Japanese string the extension shows: `where` names it in a failure. */
function japaneseStrings(): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  for (const [area, entries] of Object.entries(AREAS))
    for (const [key, entry] of Object.entries(entries as Record<string, Entry>))
      out.push({ where: `server/src/messages/${area}.ts ${key}`, text: joined(entry.ja) });
  for (const file of ['package.nls.ja.json', path.join('l10n', 'bundle.l10n.ja.json')]) {
    const strings = JSON.parse(readFileSync(path.join(repoRoot, file), 'utf8')) as Record<string, string>;
    for (const [key, text] of Object.entries(strings)) out.push({ where: `${file} ${key}`, text });
  }
  return out;
}

describe('glossary (docs/glossary.md)', () => {
  const rows = readGlossary(readFileSync(path.join(repoRoot, 'docs', 'glossary.md'), 'utf8'));

  it('has a row per program term, each with a Japanese term and a public Microsoft source', () => {
    assert.ok(rows.length >= 10, `${rows.length} rows`);
    for (const row of rows) {
      assert.ok(row.japanese.length > 0, `${row.english}: no Japanese term`);
      assert.match(row.source, /\]\(https:\/\/learn\.microsoft\.com\/ja-jp\/partner-center\//, `${row.english}: source`);
    }
    const japanese = new Set(rows.flatMap((row) => row.japanese));
    for (const term of ['間接プロバイダー', '間接リセラー', '直接請求パートナー', 'Microsoft Partner Agreement (MPA)', '関連組織'])
      assert.ok(japanese.has(term), term);
    for (const term of [
      'パートナー センター',
      'Microsoft AI Cloud パートナー プログラム',
      '共有サービス テナント',
      'CSP リージョン',
      '取引',
    ])
      assert.ok(japanese.has(term), term);
  });

  it('no approved term is also a "not" term', () => {
    const not = new Set(rows.flatMap((row) => row.not));
    assert.deepEqual(
      rows.flatMap((row) => row.japanese).filter((term) => not.has(term)),
      [],
    );
  });

  it('finds a "not" term on its own, not inside an approved term', () => {
    assert.deepEqual(forbiddenTerms('リセラー「fabrikam」は取引しています。', rows), ['リセラー']);
    assert.deepEqual(forbiddenTerms('間接リセラー「fabrikam」は取引しています。', rows), []);
    assert.deepEqual(forbiddenTerms('「contoso」は関連会社です。Partner Center で確認してください。', rows), [
      '関連会社',
      'Partner Center',
    ]);
    assert.deepEqual(forbiddenTerms('間接プロバイダーと間接リセラーは同じ CSP リージョンにあります。', rows), []);
    assert.deepEqual(forbiddenTerms('プロバイダーと間接リセラーは同じリージョンにあります。', rows), ['プロバイダー', 'リージョン']);
  });

  it('no Japanese string of the server or the client uses a "not" term', () => {
    const found = japaneseStrings().flatMap(({ where, text }) => forbiddenTerms(text, rows).map((term) => `${where}: ${term}`));
    assert.deepEqual(found, []);
  });
});
