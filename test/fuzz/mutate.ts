/**
 * Mutators of whole documents: each takes a manifest (a fixture or an example) and returns it
 * changed in one way that has broken YAML tools before. Small and named, so a report can say which
 * ones made a failing document.
 */
import type { Random } from './random';

export interface Mutator {
  name: string;
  mutate(text: string, rnd: Random): string;
}

/** The lines of a text, each with its line break; the last one gets `eol` when it has none, so lines can move. */
function linesOf(text: string): string[] {
  const lines = text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
  const last = lines.length - 1;
  if (last >= 0 && !/[\r\n]$/.test(lines[last])) lines[last] += eolOf(text);
  return lines;
}

/** The text's first line break, or `\n`. */
export function eolOf(text: string): string {
  return /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
}

const contentOf = (line: string) => line.replace(/[\r\n]+$/, '');
const breakOf = (line: string) => line.slice(contentOf(line).length);
const indentOf = (line: string) => /^ */.exec(line)![0];

/** Lines `key: value` with a value on the line: their index, what comes before the key (indentation, list markers), key and value. */
function keyValueLines(lines: string[]): { index: number; head: string; key: string; value: string }[] {
  const out: { index: number; head: string; key: string; value: string }[] = [];
  lines.forEach((line, index) => {
    const m = /^((?: *- )* *)([A-Za-z_][\w.-]*):[ \t]+(\S[^\r\n]*)/.exec(line);
    if (m) out.push({ index, head: m[1], key: m[2], value: m[3] });
  });
  return out;
}

/** Lines that hold a key (with or without a value on the line), for inserting a sibling key. */
function keyLines(lines: string[]): { index: number; indent: number }[] {
  const out: { index: number; indent: number }[] = [];
  lines.forEach((line, index) => {
    const m = /^((?: *- )* *)[A-Za-z_][\w.-]*:(?:[ \t]|$|\r|\n)/.exec(line);
    if (m) out.push({ index, indent: m[1].length });
  });
  return out;
}

/** Lines that open a list item that is a mapping (`- key: value`): the entries of `partners` and `customers`. */
function entryLines(lines: string[]): { index: number; indent: string; rest: string }[] {
  const out: { index: number; indent: string; rest: string }[] = [];
  lines.forEach((line, index) => {
    const m = /^( *)- ([A-Za-z_][\w.-]*:[^\r\n]*)/.exec(line);
    if (m) out.push({ index, indent: m[1], rest: m[2] });
  });
  return out;
}

/** Edits the lines of a text with `change` (which may do nothing when the text has no line to suit it). */
function withLines(text: string, change: (lines: string[], eol: string) => void): string {
  const lines = linesOf(text);
  change(lines, eolOf(text));
  return lines.join('');
}

/** Replaces the value of a random `key: value` line (of one of `keys` when given). */
function replaceValue(text: string, rnd: Random, value: () => string, keys?: RegExp): string {
  return withLines(text, (lines) => {
    const candidates = keyValueLines(lines).filter((l) => !keys || keys.test(l.key));
    if (!candidates.length) return;
    const { index, head, key } = rnd.pick(candidates);
    lines[index] = `${head}${key}: ${value()}${breakOf(lines[index])}`;
  });
}

/** A place for a new top-level key: before a line that starts at column 0 with a key, or at the end. */
function insertTopLevel(text: string, rnd: Random, block: (eol: string) => string): string {
  return withLines(text, (lines, eol) => {
    const tops = lines.map((l, i) => (/^[A-Za-z_]/.test(l) ? i : -1)).filter((i) => i >= 0);
    const at = tops.length && rnd.chance(0.7) ? rnd.pick(tops) : lines.length;
    lines.splice(at, 0, block(eol) + eol);
  });
}

/** YAML's own characters, control bytes, and the parts of multi-byte sequences (é, U+2028, a BOM, an emoji) to cut in two. */
const BYTES = [...Buffer.from(':-#&*[]{}"\'|>!%@,?<= \t\n\r'), 0x00, 0x7f, 0xff, 0xc3, 0xa9, 0xe2, 0x80, 0xa8, 0xef, 0xbb, 0xbf, 0xf0];
const randomByte = (rnd: Random) => (rnd.chance(0.6) ? rnd.pick(BYTES) : rnd.int(256));

/** Byte edits work on the UTF-8 bytes, decoded again as an editor would (a broken sequence shows as U+FFFD). */
function editBytes(text: string, edit: (bytes: number[]) => void): string {
  const bytes = [...Buffer.from(text, 'utf8')];
  edit(bytes);
  return Buffer.from(bytes).toString('utf8');
}

const randomBytes = (rnd: Random, n: number) => Array.from({ length: n }, () => randomByte(rnd));

const SCALARS = [
  '42',
  '-1',
  '3.5',
  '1e3',
  '0x1F',
  '0o17',
  'true',
  'false',
  'null',
  '~',
  '[]',
  '[a, b]',
  '{}',
  '{a: 1}',
  '""',
  "''",
  '2024-13-45',
  '2024-02-30',
  '!!binary aGVsbG8=',
  '!!str 5',
  '!!int x',
  '.inf',
  '.nan',
  '- a',
  '|',
  '>-',
  '"unterminated',
  '@x',
  '`x',
];

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf', '__defineGetter__'];

const longRun = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

export const MUTATORS: readonly Mutator[] = [
  {
    name: 'byte-insert',
    mutate: (text, rnd) => editBytes(text, (b) => b.splice(rnd.int(b.length + 1), 0, ...randomBytes(rnd, rnd.between(1, 8)))),
  },
  { name: 'byte-delete', mutate: (text, rnd) => editBytes(text, (b) => b.splice(rnd.int(b.length + 1), rnd.between(1, 16))) },
  {
    name: 'byte-replace',
    mutate: (text, rnd) =>
      editBytes(text, (b) => {
        const n = rnd.between(1, 8);
        b.splice(rnd.int(b.length + 1), n, ...randomBytes(rnd, n));
      }),
  },

  {
    name: 'line-duplicate',
    mutate: (text, rnd) =>
      withLines(text, (l) => {
        const i = rnd.int(l.length);
        if (l.length) l.splice(i, 0, l[i]);
      }),
  },
  {
    name: 'line-delete',
    mutate: (text, rnd) =>
      withLines(text, (l) => {
        l.splice(rnd.int(l.length), 1);
      }),
  },
  {
    name: 'line-swap',
    mutate: (text, rnd) =>
      withLines(text, (l) => {
        if (l.length < 2) return;
        const i = rnd.int(l.length - 1);
        [l[i], l[i + 1]] = [l[i + 1], l[i]];
      }),
  },
  {
    name: 'line-move',
    mutate: (text, rnd) =>
      withLines(text, (l) => {
        const moved = l.splice(rnd.int(l.length), 1);
        l.splice(rnd.int(l.length + 1), 0, ...moved);
      }),
  },

  {
    name: 'indent-more',
    mutate: (text, rnd) =>
      withLines(text, (l) => {
        const from = rnd.int(l.length),
          pad = ' '.repeat(rnd.between(1, 4));
        for (let i = from; i < Math.min(l.length, from + rnd.between(1, 5)); i++) l[i] = pad + l[i];
      }),
  },
  {
    name: 'indent-less',
    mutate: (text, rnd) =>
      withLines(text, (l) => {
        const from = rnd.int(l.length),
          by = rnd.between(1, 4);
        for (let i = from; i < Math.min(l.length, from + rnd.between(1, 5)); i++) l[i] = l[i].slice(Math.min(by, indentOf(l[i]).length));
      }),
  },
  {
    name: 'tabs-for-spaces',
    mutate: (text, rnd) =>
      withLines(text, (l) => {
        const every = rnd.chance(0.3);
        for (let i = 0; i < l.length; i++) {
          if (every || rnd.chance(0.1)) l[i] = l[i].replace(/^((?: {2})+)/, (s) => '\t'.repeat(s.length / 2));
        }
      }),
  },

  { name: 'line-endings-crlf', mutate: (text) => text.replace(/\r\n|\r|\n/g, '\r\n') },
  { name: 'line-endings-cr', mutate: (text) => text.replace(/\r\n|\r|\n/g, '\r') },
  { name: 'line-endings-mixed', mutate: (text, rnd) => text.replace(/\r\n|\r|\n/g, () => rnd.pick(['\n', '\r\n', '\r'])) },
  { name: 'bom', mutate: (text) => `\uFEFF${text}` },

  {
    name: 'anchor-alias',
    mutate: (text, rnd) =>
      withLines(text, (lines) => {
        // Half the time between ids: an id written as an alias of another entry's id is a case of its own.
        const ids = keyValueLines(lines).filter((l) => l.key === 'id');
        const values = ids.length >= 2 && rnd.chance(0.5) ? ids : keyValueLines(lines);
        if (values.length < 2) return;
        const name = rnd.pick(['a', 'b', 'base', 'x1']);
        const anchored = rnd.pick(values);
        const alias = rnd.pick(values.filter((v) => v !== anchored));
        lines[anchored.index] = `${anchored.head}${anchored.key}: &${name} ${anchored.value}${breakOf(lines[anchored.index])}`;
        lines[alias.index] = `${alias.head}${alias.key}: *${name}${breakOf(lines[alias.index])}`;
      }),
  },
  {
    name: 'alias-bomb',
    mutate: (text, rnd) =>
      insertTopLevel(text, rnd, (eol) => {
        const width = rnd.between(3, 9),
          levels = rnd.between(2, 4);
        const rows = [`  l0: &l0 [${Array(width).fill('x').join(', ')}]`];
        for (let i = 1; i < levels; i++)
          rows.push(
            `  l${i}: &l${i} [${Array(width)
              .fill(`*l${i - 1}`)
              .join(', ')}]`,
          );
        return [`x-bomb${rnd.int(100)}:`, ...rows].join(eol);
      }),
  },
  {
    name: 'merge-key',
    mutate: (text, rnd) =>
      withLines(text, (lines, eol) => {
        const entries = entryLines(lines);
        if (entries.length < 2) return;
        const base = rnd.pick(entries);
        const into = rnd.pick(entries.filter((e) => e !== base));
        const merged = rnd.pick(['*m', '*m', '[*m, *m]', '*nowhere', '{id: merged}', '5']);
        // The anchored item's first key moves to a line of its own; the merge key goes after the other item's first line.
        lines[base.index] = `${base.indent}- &m${eol}${base.indent}  ${base.rest}${breakOf(lines[base.index])}`;
        lines.splice(into.index + 1, 0, `${into.indent}  <<: ${merged}${eol}`);
      }),
  },
  {
    name: 'multi-document',
    mutate: (text, rnd) =>
      withLines(text, (lines, eol) => {
        const marker = rnd.pick(['---', '---', '...', '--- # second', '--- |', '%YAML 1.2']);
        if (rnd.chance(0.5)) lines.splice(rnd.int(lines.length + 1), 0, marker + eol);
        else lines.push(`---${eol}`, ...lines.slice(rnd.int(lines.length)));
      }),
  },
  {
    name: 'long-line',
    mutate: (text, rnd) => {
      const length = rnd.between(10_000, 100_000);
      switch (rnd.int(4)) {
        case 0:
          return replaceValue(text, rnd, () => longRun('word ', length).trim());
        case 1:
          return replaceValue(text, rnd, () => `"${longRun('a\\"b\\n ', length)}"`);
        case 2:
          return replaceValue(text, rnd, () => `[${longRun('x, ', length)}x]`);
        default:
          return insertTopLevel(text, rnd, () => `# ${longRun('comment ', length)}`);
      }
    },
  },
  {
    name: 'deep-nesting',
    mutate: (text, rnd) => {
      const depth = rnd.chance(0.5) ? rnd.between(10, 200) : rnd.between(200, 2000);
      const closed = rnd.chance(0.5);
      const nested = rnd.pick([
        () => '['.repeat(depth) + (closed ? ']'.repeat(depth) : ''),
        () => `${'{a: '.repeat(depth)}x${closed ? '}'.repeat(depth) : ''}`,
        () => `${'- '.repeat(depth)}x`,
      ])();
      return rnd.chance(0.5) ? replaceValue(text, rnd, () => nested) : insertTopLevel(text, rnd, (eol) => `x-deep:${eol}  ${nested}`);
    },
  },
  {
    name: 'proto-keys',
    mutate: (text, rnd) => {
      const key = rnd.pick(PROTO_KEYS);
      if (rnd.chance(0.3)) return replaceValue(text, rnd, () => key, /^(id|soldBy|provider|owner|providers|managedBy)$/);
      return withLines(text, (lines, eol) => {
        const holders = keyLines(lines);
        const value = rnd.pick(['{polluted: true}', 'null', '[1]', '5', 'x', '']);
        if (!holders.length || rnd.chance(0.2)) {
          lines.push(`${key}: ${value}${eol}`);
          return;
        }
        const at = rnd.pick(holders);
        lines.splice(at.index + 1, 0, `${' '.repeat(at.indent)}${key}: ${value}${eol}`);
      });
    },
  },
  { name: 'wrong-type', mutate: (text, rnd) => replaceValue(text, rnd, () => rnd.pick(SCALARS)) },
  {
    name: 'typo-key',
    mutate: (text, rnd) =>
      withLines(text, (lines) => {
        const keyed = keyValueLines(lines).filter((l) => l.key.length > 2);
        if (!keyed.length) return;
        const { index, head, key } = rnd.pick(keyed);
        const i = rnd.int(key.length - 1);
        const swapped = key.slice(0, i) + key[i + 1] + key[i] + key.slice(i + 2);
        const typo = rnd.pick([swapped, key.slice(0, i) + key.slice(i + 1), key.toUpperCase(), `${key}s`]);
        const line = lines[index].replace(`${head}${key}:`, `${head}${typo}:`);
        // Sometimes beside the key as written: a rename to it would then write that key twice.
        if (rnd.chance(0.5)) lines.splice(index + 1, 0, `${' '.repeat(head.length)}${line.slice(head.length)}`);
        else lines[index] = line;
      }),
  },
  {
    name: 'duplicate-key',
    mutate: (text, rnd) =>
      withLines(text, (lines) => {
        const values = keyValueLines(lines);
        if (!values.length) return;
        const { index, head, key } = rnd.pick(values);
        // The copy goes on the next line, as a sibling (list markers become spaces).
        lines.splice(index + 1, 0, `${' '.repeat(head.length)}${key}: ${rnd.pick(values).value}${breakOf(lines[index])}`);
      }),
  },
];

/** Up to four mutators in a row (most often one; a third of the documents stay as they are, for the edits to break). */
export function mutateDocument(text: string, rnd: Random): { text: string; mutators: string[] } {
  const count = rnd.chance(0.35) ? 0 : rnd.chance(0.65) ? 1 : rnd.between(2, 4);
  const mutators: string[] = [];
  let out = text;
  for (let i = 0; i < count; i++) {
    const mutator = rnd.pick(MUTATORS);
    out = mutator.mutate(out, rnd);
    mutators.push(mutator.name);
  }
  return { text: out, mutators };
}
