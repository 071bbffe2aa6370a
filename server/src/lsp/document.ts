import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';
import { Rope } from '../core/rope';
import { LineIndex } from '../core/text';

/**
 * One change as the document applied it: the replaced offsets of the text before it, and the text and
 * lines after it (shared with the manifest, which would otherwise make them again).
 */
export type AppliedChange = { start: number; end: number; inserted: string; text: Rope; lines: LineIndex } | { whole: string };

/**
 * An open document whose text is a Rope and whose lines are the core's LineIndex: a change makes the
 * next version without copying the whole text (the usual TextDocument builds a new string per change),
 * and its positions are the ones the checks report in.
 */
export class ManifestDocument implements TextDocument {
  private constructor(
    readonly uri: string,
    readonly languageId: string,
    public version: number,
    public text: Rope,
    public lines: LineIndex,
  ) {}

  static create(this: void, uri: string, languageId: string, version: number, content: string): ManifestDocument {
    const text = Rope.of(content);
    return new ManifestDocument(uri, languageId, version, text, new LineIndex(text));
  }

  getText(range?: Range): string {
    return range ? this.text.slice(this.offsetAt(range.start), this.offsetAt(range.end)) : this.text.toString();
  }

  positionAt(offset: number): Position {
    return this.lines.position(offset);
  }

  offsetAt(position: Position): number {
    return this.lines.offset(position);
  }

  get lineCount(): number {
    return this.lines.lineCount;
  }

  getLineRange(line: number): Range {
    if (line < 0 || line >= this.lineCount) {
      const at = this.positionAt(line < 0 ? 0 : this.text.length);
      return { start: at, end: at };
    }
    return { start: { line, character: 0 }, end: { line, character: this.lines.lineEnd(line) - this.lines.lineStart(line) } };
  }

  getEOLCharacters(line: number): string {
    return line < 0 || line + 1 >= this.lineCount ? '' : this.text.slice(this.lines.lineEnd(line), this.lines.lineStart(line + 1));
  }

  /** Applies the client's changes in order, and says how each was applied. */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): AppliedChange[] {
    const applied: AppliedChange[] = [];
    for (const change of changes) {
      if (!('range' in change)) {
        this.text = Rope.of(change.text);
        this.lines = new LineIndex(this.text);
        applied.push({ whole: change.text });
        continue;
      }
      const start = this.offsetAt(change.range.start);
      const end = Math.max(start, this.offsetAt(change.range.end));
      this.text = this.text.edit(start, end, change.text);
      this.lines = this.lines.edited(this.text, start, end, change.text);
      applied.push({ start, end, inserted: change.text, text: this.text, lines: this.lines });
    }
    this.version = version;
    return applied;
  }
}
