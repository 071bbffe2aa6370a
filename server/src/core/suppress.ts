import type { Finding, RuleSettings, SeveritySetting } from './finding';
import { Locale, message } from '../messages';
import { lineEnding, ParsedText } from './parse';
import { ruleById } from './rules';
import type { Range, TextEdit, TextLike } from './text';

const UNUSED = 'unused-suppression';
/** The word every suppression comment holds: where a text has none, it has no suppressions. */
const MARK = 'csp-disable';
const COMMENT = /^(\s*)#\s*csp-disable(-next-line)?(?=\s|$)(.*)$/;

interface Suppression {
  line: number;
  scope: 'file' | 'next-line' | 'misplaced';
  /** Rule ids with their ranges in the comment; empty means every rule. */
  ids: { id: string; range: Range }[];
  range: Range;
  used: Set<string>;
}

/** Offsets of the word `csp-disable` in `text` from `from` to `to`, the places a suppression may be written. */
export function suppressionMarks(text: TextLike, from = 0, to = text.length): number[] {
  // A slice of its own, so that the search stops at `to` rather than running to the end of the text.
  const piece = text.slice(from, to);
  const marks: number[] = [];
  for (let at = piece.indexOf(MARK); at !== -1; at = piece.indexOf(MARK, at + 1)) marks.push(from + at);
  return marks;
}

/**
 * Reads the `# csp-disable…` comments at `marks` (ascending offsets of the word, see `suppressionMarks`).
 * Only whole-line comments count.
 */
function readSuppressions(parsed: ParsedText, marks: readonly number[]): Suppression[] {
  const { lines } = parsed;
  const out: Suppression[] = [];
  if (marks.length === 0) return out;
  const firstContentLine = firstContent(parsed);
  for (const at of marks) {
    const line = lines.position(at).line;
    if (out.length && out[out.length - 1].line === line) continue;
    const lineText = lines.lineText(line);
    const match = COMMENT.exec(lineText);
    if (!match) continue;
    const lineStart = lines.lineStart(line);
    const ids: Suppression['ids'] = [];
    const listStart = lineText.length - match[3].length;
    for (const word of match[3].matchAll(/[^\s,]+/g)) {
      const start = lineStart + listStart + word.index;
      ids.push({ id: word[0], range: lines.range(start, start + word[0].length) });
    }
    const scope = match[2] ? 'next-line' : line < firstContentLine ? 'file' : 'misplaced';
    out.push({ line, scope, ids, range: lines.range(lineStart + match[1].length, lines.lineEnd(line)), used: new Set() });
  }
  return out;
}

function firstContent(parsed: ParsedText): number {
  for (let line = 0; line < parsed.lines.lineCount; line++) {
    const t = parsed.lines.lineText(line).trim();
    if (t !== '' && !t.startsWith('#')) return line;
  }
  return parsed.lines.lineCount;
}

function covers(s: Suppression, rule: string): boolean {
  return s.ids.length === 0 || s.ids.some((i) => i.id === rule);
}

/**
 * Drops suppressed findings and reports each suppression that suppressed nothing as a hint. A rule
 * turned off in the settings cannot prove its suppressions used, so they are not reported; nor is
 * `unused-suppression` itself, which suppressions may name to silence these hints.
 */
export function applySuppressions(
  parsed: ParsedText,
  marks: readonly number[],
  findings: Finding[],
  locale: Locale,
  unusedSetting: SeveritySetting | undefined,
  settings: RuleSettings,
): Finding[] {
  const suppressions = readSuppressions(parsed, marks);
  if (suppressions.length === 0) return findings;
  const fileWide = suppressions.filter((s) => s.scope === 'file');
  const byLine = new Map(suppressions.filter((s) => s.scope === 'next-line').map((s) => [s.line + 1, s]));
  const suppressed = (f: Finding) => {
    const hit = [byLine.get(f.range.start.line), ...fileWide].find((s) => s && covers(s, f.rule));
    hit?.used.add(hit.ids.length ? f.rule : '*');
    return hit !== undefined;
  };

  // Findings of a rule that is not `suppressible` (yaml-syntax) are always kept.
  const kept = findings.filter((f) => ruleById.get(f.rule)?.suppressible === false || !suppressed(f));
  if (unusedSetting === 'off') return kept;

  const severity = unusedSetting ?? ruleById.get(UNUSED)!.severity;
  const hint = (range: Range, text: string): Finding => ({ rule: UNUSED, severity, range, message: text, data: { path: [] } });
  const hints: Finding[] = [];
  for (const s of suppressions) {
    if (s.scope === 'misplaced') {
      hints.push(hint(s.range, message(locale, 'unused-suppression.not-at-top')));
      continue;
    }
    const key = s.scope === 'file' ? 'unused-suppression.file' : 'unused-suppression';
    if (s.ids.length === 0 && s.used.size === 0)
      hints.push(hint(s.range, message(locale, s.scope === 'file' ? 'unused-suppression.any-file' : 'unused-suppression.any')));
    for (const { id, range } of s.ids) {
      if (!ruleById.has(id)) hints.push(hint(range, message(locale, 'unused-suppression.unknown-rule', { rule: id })));
      else if (!s.used.has(id) && id !== UNUSED && settings[id] !== 'off') hints.push(hint(range, message(locale, key, { rule: id })));
    }
  }
  return kept.concat(hints.filter((h) => !suppressed(h)));
}

/** "Suppress <rule> for this line": extends a comment already above the line, or adds one. */
export function suppressLineEdit(parsed: ParsedText, line: number, rule: string): TextEdit {
  const above = line > 0 ? parsed.lines.lineText(line - 1) : '';
  const match = COMMENT.exec(above);
  if (match && match[2] && match[3].trim() !== '') {
    const end = parsed.lines.lineEnd(line - 1);
    return { range: parsed.lines.range(end, end), newText: `, ${rule}` };
  }
  const text = parsed.lines.lineText(line);
  const indent = text.slice(0, text.length - text.trimStart().length);
  const at = parsed.lines.lineStart(line);
  const eol = lineEnding(parsed);
  return { range: parsed.lines.range(at, at), newText: `${indent}# csp-disable-next-line ${rule}${eol}` };
}
