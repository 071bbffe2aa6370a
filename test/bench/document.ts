// An open document on the client side of the benchmark: its text, its version, and the incremental
// `didChange` notifications that VS Code sends for each edit (a range and the text that replaces it).
// The harness's `change` sends the whole text, which would make every edit cost a full-document copy
// on both sides and hide what a server could gain from knowing the edited range.
import { performance } from 'node:perf_hooks';
import type { ProtocolConnection } from 'vscode-languageserver-protocol/node';
import type { Position, Range } from 'vscode-languageserver-protocol';

/** One edit: the range it replaces (in the text before it) and the new text. */
export interface Edit {
  range: Range;
  text: string;
}

/** Where a text ends once inserted at `start`. */
function endOf(start: Position, text: string): Position {
  const lastBreak = text.lastIndexOf('\n');
  if (lastBreak === -1) return { line: start.line, character: start.character + text.length };
  let breaks = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) breaks++;
  return { line: start.line + breaks, character: text.length - lastBreak - 1 };
}

/**
 * The text as an array of lines, so an edit in the middle of a 30 MB manifest costs a splice rather
 * than copying the whole string: a burst of keystrokes 30 ms apart must not be slowed down by the client.
 */
export class TextModel {
  private readonly lines: string[];

  constructor(text: string) {
    this.lines = text.split('\n');
  }

  get lineCount(): number {
    return this.lines.length;
  }

  line(index: number): string {
    return this.lines[index];
  }

  /** Index of the first line at or after `from` for which `test` holds, or -1. */
  findLine(test: (line: string) => boolean, from = 0): number {
    for (let i = from; i < this.lines.length; i++) if (test(this.lines[i])) return i;
    return -1;
  }

  text(): string {
    return this.lines.join('\n');
  }

  textIn(range: Range): string {
    const { start, end } = range;
    if (start.line === end.line) return this.lines[start.line].slice(start.character, end.character);
    const middle = this.lines.slice(start.line + 1, end.line);
    return [this.lines[start.line].slice(start.character), ...middle, this.lines[end.line].slice(0, end.character)].join('\n');
  }

  /** Applies `edit` and returns the edit that undoes it. */
  apply(edit: Edit): Edit {
    const { start, end } = edit.range;
    const removed = this.textIn(edit.range);
    const joined = this.lines[start.line].slice(0, start.character) + edit.text + this.lines[end.line].slice(end.character);
    this.lines.splice(start.line, end.line - start.line + 1, ...joined.split('\n'));
    return { range: { start, end: endOf(start, edit.text) }, text: removed };
  }
}

/** A document the benchmark opened on a server: edits are applied locally and sent as ranged changes. */
export class OpenDocument {
  readonly model: TextModel;
  private version: number;

  constructor(
    private readonly connection: ProtocolConnection,
    readonly uri: string,
    text: string,
    version = 1,
  ) {
    this.model = new TextModel(text);
    this.version = version;
  }

  get currentVersion(): number {
    return this.version;
  }

  /**
   * Sends one `didChange` with `edit` as VS Code does (range, rangeLength, text). Returns the edit that
   * undoes it and when the notification was handed to the connection (after the local bookkeeping).
   */
  async change(edit: Edit): Promise<{ undo: Edit; sentAt: number }> {
    const rangeLength = this.model.textIn(edit.range).length;
    const undo = this.model.apply(edit);
    this.version++;
    const sentAt = performance.now();
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: this.uri, version: this.version },
      contentChanges: [{ range: edit.range, rangeLength, text: edit.text }],
    });
    return { undo, sentAt };
  }
}
