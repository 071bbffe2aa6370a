/**
 * Makes a case from the seed alone: a fixture or example, mutated, then a session of edits with
 * requests at random places after each. Nothing here reads the server's answers, so the cases of a
 * seed are the same whatever the server does.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Position } from 'vscode-languageserver-protocol';
import { parseAllDocuments } from 'yaml';
import { fixtureFiles, fixturesDir, repoRoot } from '../support';
import { DOCUMENT_PROBES, FuzzCase, POSITION_PROBES, Probe, Step } from './case';
import { Typist } from './edits';
import { applyChanges, LspText } from './lsp-text';
import { mutateDocument } from './mutate';
import type { Random } from './random';

export interface Source {
  name: string;
  text: string;
}

/** The fixtures and examples, byte for byte (line endings and byte-order marks kept). */
export function sources(): Source[] {
  const examples = ['csp-partners.yaml', 'every-rule.csp-partners.yaml', 'broken.csp-partners.yaml', 'merge-keys.csp-partners.yaml'];
  return [
    ...fixtureFiles().map((file) => ({ name: `test/fixtures/${file}`, text: readFileSync(path.join(fixturesDir, file), 'utf8') })),
    ...examples.map((file) => ({ name: `examples/${file}`, text: readFileSync(path.join(repoRoot, 'examples', file), 'utf8') })),
  ];
}

export interface GenerateOptions {
  /** Edits (didChange notifications) after the document is opened. */
  edits: number;
  /** Random places per step where every position request is asked. */
  positions: number;
}

export interface Generated {
  fuzzCase: FuzzCase;
  source: string;
  mutators: string[];
}

export function generateCase(rnd: Random, from: readonly Source[], options: GenerateOptions): Generated {
  const source = rnd.pick(from);
  const { text, mutators } = mutateDocument(source.text, rnd);
  const probes = probesFor(text, rnd, options.positions);
  // Sometimes the first edits come while the document is still being read.
  const steps: Step[] = [{ edit: 'open', changes: [], probes, ...(rnd.chance(0.2) ? { burst: true } : {}) }];
  const typist = new Typist(rnd, hasYamlError);
  let current = text;
  while (steps.length <= options.edits) {
    const next = typist.next(current).slice(0, options.edits + 1 - steps.length);
    for (const [i, { edit, changes }] of next.entries()) {
      current = applyChanges(current, changes);
      // Keys typed quickly (or undos in a row): most but the last are bursts.
      const burst = i < next.length - 1 && rnd.chance(0.7);
      steps.push({ edit, changes, probes: burst ? [] : probesFor(current, rnd, options.positions), ...(burst ? { burst } : {}) });
    }
  }
  return { fuzzCase: { document: text, steps }, source: source.name, mutators };
}

/** Whether a text has a YAML error, as a person sees the squiggle (only to steer the edits: not a check). */
function hasYamlError(text: string): boolean {
  try {
    const documents = parseAllDocuments(text);
    return !Array.isArray(documents) || documents.length > 1 || documents.some((d) => d.errors.length > 0);
  } catch {
    return true; // nested deeper than the parser's stack
  }
}

/** The requests of one step: every position request at a few random places, and the whole-document ones. */
function probesFor(text: string, rnd: Random, positions: number): Probe[] {
  const lines = new LspText(text);
  const probes: Probe[] = [];
  for (let i = 0; i < positions; i++) {
    const position = randomPosition(lines, rnd);
    for (const kind of POSITION_PROBES) probes.push({ kind, position });
  }
  for (const kind of DOCUMENT_PROBES) {
    if (kind !== 'scenario') probes.push({ kind });
    else probes.push({ kind, scenario: rnd.chance(0.2) ? 'all' : rnd.between(1, 7), subject: rnd.chance(0.3) ? -1 : rnd.int(1000) });
  }
  return probes;
}

/** Where ids are written or named: what definition, references, rename and hover are about. */
const ID_VALUES = /\b(?:id|soldBy|provider|providers|owner|managedBy)[ \t]*:[ \t]*\[?[ \t]*([\w.-]+)/g;

/** A position inside the text: often in an id, else most often inside a word (where keys and values are). */
export function randomPosition(lines: LspText, rnd: Random): Position {
  if (rnd.chance(0.4)) {
    const ids = [...lines.text.slice(0, 200_000).matchAll(ID_VALUES)];
    if (ids.length) {
      const id = rnd.pick(ids);
      const start = id.index + id[0].length - id[1].length;
      return lines.positionAt(start + rnd.int(id[1].length + 1));
    }
  }
  const line = rnd.int(lines.lineCount);
  const text = lines.lineText(line);
  const words = [...text.matchAll(/[\w.-]+/g)];
  if (words.length && rnd.chance(0.7)) {
    const word = rnd.pick(words);
    return { line, character: word.index + rnd.int(word[0].length + 1) };
  }
  return lines.positionAt(lines.snap(lines.starts[line] + rnd.int(text.length + 1)));
}
