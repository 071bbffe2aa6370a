/**
 * Incremental edits that look like a person editing: characters typed and deleted, words typed one
 * key at a time, lines pasted and deleted, Enter with the line's indentation, undo, and several
 * cursors at once (one `didChange` with several content changes).
 */
import { applyChange, applyChanges, LspText, TextChange } from './lsp-text';
import { eolOf } from './mutate';
import type { Random } from './random';

/** One `didChange` notification: its changes apply in order, each to the text the previous one left. */
export interface EditStep {
  edit: string;
  changes: TextChange[];
}

/** Letters most often; then the characters that mean something to YAML, line breaks of each kind, and non-ASCII. */
const CHARACTERS = [...'abcdefghijklmnopqrstuvwxyzDEFR0123456789-_. ', ...':#"\'[]{},&*!|>\t', '\n', '\r\n', '\r', 'é', '🍣'];
const KEYS = [
  'id: ',
  'soldBy: ',
  'provider: ',
  'providers: [',
  'managedBy: ',
  'owner: ',
  'country: ',
  'type: ',
  'mpa:',
  'accepted: ',
  'acceptedOn: ',
  'subscriptions:',
  '- id: ',
  'partners:',
  'customers:',
  '<<: *a',
  '&a ',
  '*a',
  'x-note: ',
];
const VALUES = [
  'DE',
  'FR',
  'UK',
  'GB',
  'JP',
  'US',
  'indirect-reseller',
  'indirect-provider',
  'direct-bill',
  'true',
  'false',
  '2024-01-01',
  '2031-12-31',
  'null',
  '[]',
  '"quoted"',
  "'single'",
  '# csp-disable-next-line schema',
  '# csp-disable unknown-reference',
];

export class Typist {
  /** For each step made and not undone, the changes that undo it (a step of its own). */
  private readonly undoStack: TextChange[][] = [];
  /** How deep the undo stack was when the text last had no YAML error. */
  private lastValidDepth = 0;

  /** `isBroken` says whether a text has a YAML error: a person who sees one often undoes back to before it. */
  constructor(
    private readonly rnd: Random,
    private readonly isBroken: (text: string) => boolean,
  ) {}

  /** The next edit(s) of `text`: most are one step, a typed word is a step per character, an undo back to valid text a step per undo. */
  next(text: string): EditStep[] {
    if (!this.isBroken(text)) this.lastValidDepth = this.undoStack.length;
    else if (this.undoStack.length > this.lastValidDepth && this.rnd.chance(0.5)) {
      return this.undoStack
        .splice(this.lastValidDepth)
        .reverse()
        .map((changes) => ({ edit: 'undo', changes }));
    }
    if (this.undoStack.length && this.rnd.chance(0.1)) {
      this.lastValidDepth = Math.min(this.lastValidDepth, this.undoStack.length - 1);
      return [{ edit: 'undo', changes: this.undoStack.pop()! }];
    }
    const steps = this.edit(text);
    let current = text;
    for (const step of steps) {
      this.undoStack.push(undoOf(current, step.changes));
      current = applyChanges(current, step.changes);
    }
    return steps;
  }

  private edit(text: string): EditStep[] {
    const rnd = this.rnd;
    const lines = new LspText(text);
    const kind = rnd.pick([
      'insert-char',
      'insert-char',
      'delete-char',
      'delete-char',
      'type-word',
      'type-word',
      'paste-lines',
      'delete-lines',
      'newline',
      'replace-word',
      'replace-word',
      'indent',
      'multi-cursor',
      'multi-change',
    ]);
    switch (kind) {
      case 'insert-char':
        return [this.single(text, kind, this.at(lines), 0, rnd.pick(CHARACTERS))];
      case 'delete-char': {
        const end = this.at(lines);
        // Backspace takes a whole `\r\n` or surrogate pair, as an editor does.
        const start = end === 0 ? 0 : lines.snap(end - 1);
        return [this.single(text, kind, start, end - start, '')];
      }
      case 'type-word':
        return this.typeWord(text, rnd.chance(0.5) ? rnd.pick(KEYS) : rnd.pick([...VALUES, ...idsOf(text)]));
      case 'paste-lines': {
        const from = rnd.int(lines.lineCount),
          count = rnd.between(1, 6);
        const start = lines.starts[from],
          end = lines.starts[Math.min(lines.lineCount - 1, from + count)] ?? text.length;
        const block = text.slice(start, end) || eolOf(text);
        return [this.single(text, kind, lines.starts[rnd.int(lines.lineCount)], 0, block)];
      }
      case 'delete-lines': {
        const from = rnd.int(lines.lineCount),
          to = Math.min(lines.lineCount - 1, from + rnd.between(1, 6));
        const end = to > from ? lines.starts[to] : text.length;
        return [this.single(text, kind, lines.starts[from], end - lines.starts[from], '')];
      }
      case 'newline': {
        const line = rnd.int(lines.lineCount);
        const at = rnd.chance(0.7) ? lines.ends[line] : this.at(lines);
        const indent = /^[ \t]*/.exec(lines.lineText(line))![0];
        return [this.single(text, kind, at, 0, eolOf(text) + indent + rnd.pick(['', '', '- ', '  ']))];
      }
      case 'replace-word': {
        const words = [...text.matchAll(/[A-Za-z0-9][\w.-]*/g)];
        if (!words.length) return [this.single(text, kind, 0, 0, rnd.pick(VALUES))];
        const word = rnd.pick(words);
        return [this.single(text, kind, word.index, word[0].length, rnd.pick([...VALUES, ...idsOf(text), '']))];
      }
      case 'indent': {
        const line = rnd.int(lines.lineCount),
          start = lines.starts[line];
        const outdent = rnd.chance(0.4) && text.startsWith('  ', start);
        return [this.single(text, kind, start, outdent ? 2 : 0, outdent ? '' : rnd.pick(['  ', ' ', '\t']))];
      }
      case 'multi-cursor': {
        // The same text typed at the end of several lines (or at their start), the way VS Code sends it: the last line first.
        const atEnd = rnd.chance(0.7);
        const word = atEnd ? rnd.pick(['x', '-2', ' # note', ', ']) : rnd.pick(KEYS);
        const chosen = [...new Set(Array.from({ length: rnd.between(2, 4) }, () => rnd.int(lines.lineCount)))].sort((a, b) => b - a);
        const at = (line: number) => (atEnd ? lines.ends[line] : lines.starts[line]);
        return [{ edit: kind, changes: chosen.map((line) => ({ range: lines.rangeOf(at(line), at(line)), text: word })) }];
      }
      default: {
        // Several unrelated small changes in one notification, each in positions of the text the one before left.
        const changes: TextChange[] = [];
        let current = text;
        for (let i = rnd.between(2, 4); i > 0; i--) {
          const now = new LspText(current);
          const start = this.at(now),
            length = rnd.chance(0.5) ? 0 : Math.min(now.snap(start + rnd.between(1, 5)), current.length) - start;
          const change = { range: now.rangeOf(start, start + Math.max(0, length)), text: rnd.chance(0.7) ? rnd.pick(CHARACTERS) : '' };
          changes.push(change);
          current = applyChange(current, change);
        }
        return [{ edit: kind, changes }];
      }
    }
  }

  /** A random place in the text that a position can name. */
  private at(lines: LspText): number {
    return lines.snap(this.rnd.int(lines.text.length + 1));
  }

  /** One change: `length` characters at `start` replaced by `inserted`. */
  private single(text: string, edit: string, start: number, length: number, inserted: string): EditStep {
    const lines = new LspText(text);
    return { edit, changes: [{ range: lines.rangeOf(start, lines.snap(Math.min(text.length, start + length))), text: inserted }] };
  }

  /** A word typed a key at a time (sometimes pasted whole), at a random place. */
  private typeWord(text: string, word: string): EditStep[] {
    const start = this.at(new LspText(text));
    if (this.rnd.chance(0.3)) return [this.single(text, 'paste-word', start, 0, word)];
    const steps: EditStep[] = [];
    let current = text;
    for (const [i, character] of [...word].entries()) {
      const at = start + [...word].slice(0, i).join('').length;
      const step = this.single(current, 'type-word', at, 0, character);
      steps.push(step);
      current = applyChanges(current, step.changes);
    }
    return steps;
  }
}

/**
 * The changes that undo `changes` made to `text`, as one step: each change's inverse, last first, each in
 * positions of the text that change left (which is the text the undo meets at that point).
 */
function undoOf(text: string, changes: readonly TextChange[]): TextChange[] {
  const inverses: TextChange[] = [];
  let current = text;
  for (const change of changes) {
    const lines = new LspText(current);
    const start = lines.offsetAt(change.range.start);
    const removed = current.slice(start, Math.max(start, lines.offsetAt(change.range.end)));
    current = applyChange(current, change);
    inverses.unshift({ range: new LspText(current).rangeOf(start, start + change.text.length), text: removed });
  }
  return inverses;
}

/** Ids written in the text, to type them elsewhere (a reference that resolves, or a duplicate). */
function idsOf(text: string): string[] {
  return [...text.matchAll(/\bid: *([\w.-]+)/g)].slice(0, 50).map((m) => m[1]);
}
