// Helpers shared by the protocol tests: fixture text, positions found by text, a line diff, the
// checks every applied fix must pass.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic, Position, Range } from 'vscode-languageserver-protocol';
import { fixturesDir, repoRoot } from '../support';

export const readFixture = (relative: string): string => readFileSync(path.join(fixturesDir, relative), 'utf8');
export const readExample = (name: string): string => readFileSync(path.join(repoRoot, 'examples', name), 'utf8');

/** Marks the cursor in a text written for a completion or hover test. */
export const CURSOR = '¦';

/** `text` with `find` replaced (it must occur exactly once); `¦` in the replacement marks the cursor. */
export function replaceOnce(text: string, find: string, replace: string): string {
  assert.equal(text.split(find).length, 2, `"${find}" must occur once in the fixture`);
  return text.replace(find, () => replace);
}

/** Splits a text marked with `¦` into the text and the cursor position. */
export function cursorIn(marked: string): { text: string; position: Position } {
  const at = marked.indexOf(CURSOR);
  assert.ok(at >= 0 && marked.indexOf(CURSOR, at + 1) < 0, 'one cursor');
  const before = marked.slice(0, at).split('\n');
  return {
    text: marked.slice(0, at) + marked.slice(at + 1),
    position: { line: before.length - 1, character: before[before.length - 1].length },
  };
}

/**
 * The range of `word` on the `nth` (0-based) line of `text` that contains `line` (a substring of the
 * line); the word is looked up after the line fragment's start when it occurs in it.
 */
export function rangeOf(text: string, line: string, word: string, nth = 0): Range {
  const lines = text.split('\n');
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    const at = lines[i].indexOf(line);
    if (at === -1) continue;
    if (seen++ < nth) continue;
    const inLine = lines[i].indexOf(word, line.includes(word) ? at : 0);
    assert.notEqual(inLine, -1, `"${word}" not on line ${i + 1}`);
    return { start: { line: i, character: inLine }, end: { line: i, character: inLine + word.length } };
  }
  throw new Error(`no line ${nth} with "${line}"`);
}

/** A position inside `word` (one character in) on that line. */
export function positionIn(text: string, line: string, word: string, nth = 0): Position {
  const range = rangeOf(text, line, word, nth);
  return { line: range.start.line, character: range.start.character + 1 };
}

/** The text a range covers. */
export function textAt(text: string, range: Range): string {
  const lines = text.split('\n');
  if (range.start.line === range.end.line) return lines[range.start.line].slice(range.start.character, range.end.character);
  return [
    lines[range.start.line].slice(range.start.character),
    ...lines.slice(range.start.line + 1, range.end.line),
    lines[range.end.line].slice(0, range.end.character),
  ].join('\n');
}

/** A line diff (longest common subsequence): `-<old line no> text` and `+<new line no> text`, deletions first. */
export function lineDiff(before: string, after: string): string[] {
  const x = before.split('\n'),
    y = after.split('\n');
  const n = x.length,
    m = y.length;
  const lcs = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) lcs[i][j] = x[i] === y[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out: string[] = [];
  let i = 0,
    j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && x[i] === y[j]) {
      i++;
      j++;
    } else if (i < n && (j >= m || lcs[i + 1][j] >= lcs[i][j + 1])) out.push(`-${++i} ${x[i - 1]}`);
    else out.push(`+${++j} ${y[j - 1]}`);
  }
  return out;
}

/** A diagnostic's message as text: the server sends plain strings (LSP also allows Markdown content). */
export const messageOf = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);

const key = (d: Diagnostic) => `${d.code}: ${messageOf(d)}`;

/** How many diagnostics say exactly this (rule and message; ranges move when lines are inserted). */
export const countOf = (diagnostics: Diagnostic[], target: Diagnostic): number => diagnostics.filter((d) => key(d) === key(target)).length;

export const countRule = (diagnostics: Diagnostic[], rule: string): number => diagnostics.filter((d) => d.code === rule).length;

/**
 * Errors of `after` that `before` did not have (as a multiset of rule + message). A line number that a
 * message quotes (`duplicate-id`) moves with the lines a fix adds or removes above it: it does not count.
 */
export function newErrors(before: Diagnostic[], after: Diagnostic[]): string[] {
  const unlined = (d: Diagnostic) => (d.code === 'duplicate-id' ? key(d).replace(/\d+/g, '#') : key(d));
  const left = before.filter((d) => d.severity === 1).map(unlined);
  return after
    .filter((d) => d.severity === 1)
    .map(unlined)
    .filter((k) => {
      const i = left.indexOf(k);
      if (i === -1) return true;
      left.splice(i, 1);
      return false;
    });
}

/** The problem is gone (one fewer diagnostic says it) and nothing the fix did is a new error. */
export function assertFixed(before: Diagnostic[], after: Diagnostic[], target: Diagnostic): void {
  assert.equal(countOf(after, target), countOf(before, target) - 1, `still reported: ${key(target)}`);
  assert.deepEqual(newErrors(before, after), [], 'the fix introduced errors');
}

/**
 * The text after a snippet completion is taken with every suggestion as it stands: a placeholder by its
 * text, a choice by its first option, escapes undone; the snippet's later lines indented as the line it
 * is taken on is, up to the cursor (InsertTextMode.adjustIndentation, as the item asks).
 */
export function takeSnippet(text: string, edit: { range: Range; newText: string }): string {
  const lines = text.split('\n');
  const indent = /^\s*/.exec(lines[edit.range.start.line].slice(0, edit.range.start.character))![0];
  const inserted = expandSnippet(edit.newText).replace(/\n/g, `\n${indent}`);
  const offset = (p: Position) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return text.slice(0, offset(edit.range.start)) + inserted + text.slice(offset(edit.range.end));
}

/** A snippet's text with every tab stop at its suggestion (LSP snippet syntax: `$1`, `${1:text}`, `${1|a,b|}`). */
export function expandSnippet(snippet: string): string {
  const [text, end] = expandUntil(snippet, 0, false);
  assert.equal(end, snippet.length, `unbalanced snippet: ${snippet}`);
  return text;
}

function expandUntil(snippet: string, from: number, inPlaceholder: boolean): [string, number] {
  let out = '';
  let i = from;
  while (i < snippet.length) {
    const rest = snippet.slice(i);
    if (rest[0] === '\\' && rest.length > 1) {
      out += rest[1];
      i += 2;
    } else if (inPlaceholder && rest[0] === '}') {
      return [out, i + 1];
    } else if (/^\$\d+/.test(rest)) {
      i += /^\$\d+/.exec(rest)![0].length;
    } else if (/^\$\{\d+\}/.test(rest)) {
      i += /^\$\{\d+\}/.exec(rest)![0].length;
    } else if (/^\$\{\d+\|/.test(rest)) {
      const choice = /^\$\{\d+\|((?:[^|\\]|\\.)*)\|\}/.exec(rest);
      assert.ok(choice, `bad choice at ${rest}`);
      out += /^(?:[^,\\]|\\.)*/.exec(choice[1])![0].replace(/\\(.)/g, '$1');
      i += choice[0].length;
    } else if (/^\$\{\d+:/.test(rest)) {
      const [inner, next] = expandUntil(snippet, i + /^\$\{\d+:/.exec(rest)![0].length, true);
      out += inner;
      i = next;
    } else {
      out += rest[0];
      i++;
    }
  }
  assert.ok(!inPlaceholder, `unclosed placeholder in ${snippet}`);
  return [out, i];
}
