/**
 * A fuzz case: a document, the edits made to it, and the requests asked after each edit. A failing
 * case is saved as a folder: `document.yaml` (the text before the edits, byte for byte), `steps.json`
 * (the edits and the failing request) and a README with the command that replays it.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Position } from 'vscode-languageserver-protocol';
import type { TextChange } from './lsp-text';

/** The requests a step can ask; those with a position ask it there. */
export const POSITION_PROBES = [
  'hover',
  'completion',
  'definition',
  'references',
  'highlight',
  'rename',
  'codeAction',
  'subjects',
] as const;
export const DOCUMENT_PROBES = ['symbols', 'codeLens', 'fixAll', 'quickFixes', 'scenario'] as const;
export type ProbeKind = (typeof POSITION_PROBES)[number] | (typeof DOCUMENT_PROBES)[number];

export interface Probe {
  kind: ProbeKind;
  position?: Position;
  /** For `scenario`: which one, and the index of the customer or partner it asks about (modulo their number; -1 for none). */
  scenario?: number | 'all';
  subject?: number;
}

/**
 * One `didChange` (none for the state as opened) and the requests asked after it. A burst step is a
 * keystroke of quick typing: its diagnostics pull is sent but not awaited, the next step's changes
 * follow at once, and its answer is only checked for being an answer (it may be of either version).
 */
export interface Step {
  edit: string;
  changes: TextChange[];
  probes: Probe[];
  burst?: boolean;
}

export interface FuzzCase {
  document: string;
  steps: Step[];
}

/** What a check found wrong, and the request that showed it. */
export interface Failure {
  /** The check and the request, as a folder name part: `range-hover`, `out-of-sync`, `fix-syntax`. */
  cls: string;
  detail: string;
  step: number;
  probe?: Probe;
  request?: { method: string; params: unknown };
}

/** The case that reproduces a failure: the edits up to its step, and only its request there. */
export function caseFor(fuzzCase: FuzzCase, failure: Failure): FuzzCase {
  const steps = fuzzCase.steps.slice(0, failure.step + 1).map((s) => ({ ...s, probes: [] as Probe[] }));
  if (failure.probe) steps[steps.length - 1].probes = [failure.probe];
  return { document: fuzzCase.document, steps };
}

export const editCount = (fuzzCase: FuzzCase): number => fuzzCase.steps.filter((s) => s.changes.length).length;

export interface SavedCase {
  fuzzCase: FuzzCase;
  failure: Failure;
  /** Where it came from: seed, document number, fixture, mutators. */
  origin: Record<string, unknown>;
}

export function saveCase(outDir: string, saved: SavedCase): string {
  const { fuzzCase, failure, origin } = saved;
  const hash = createHash('sha256').update(fuzzCase.document).update(JSON.stringify(fuzzCase.steps)).digest('hex').slice(0, 8);
  const dir = path.join(outDir, `${failure.cls}-${hash}`);
  mkdirSync(dir, { recursive: true });
  // UTF-8 keeps every character of the string, `\r` and the byte-order mark included.
  writeFileSync(path.join(dir, 'document.yaml'), Buffer.from(fuzzCase.document, 'utf8'));
  const steps = { class: failure.cls, detail: failure.detail, request: failure.request, origin, steps: fuzzCase.steps };
  writeFileSync(path.join(dir, 'steps.json'), `${JSON.stringify(steps, null, 2)}\n`);
  writeFileSync(
    path.join(dir, 'README.md'),
    [
      `# ${failure.cls}`,
      '',
      failure.detail,
      '',
      `Replay: \`npm run fuzz -- --replay ${path.relative(process.cwd(), dir) || dir}\``,
      '',
      '`document.yaml` is the text as opened, before the edits; `steps.json` holds the edits (one `didChange` each)',
      'and the request asked after the last one.',
      '',
    ].join('\n'),
  );
  return dir;
}

export function loadCase(dir: string): { fuzzCase: FuzzCase; cls: string } {
  const document = readFileSync(path.join(dir, 'document.yaml'), 'utf8');
  const saved = JSON.parse(readFileSync(path.join(dir, 'steps.json'), 'utf8')) as { class: string; steps: Step[] };
  return { fuzzCase: { document, steps: saved.steps }, cls: saved.class };
}
