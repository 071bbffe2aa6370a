/**
 * Scenario checks over the protocol (spec §5): `cspPartners/subjects` tells the client what it can ask
 * about (the seven questions from the catalogue, the customers and partners, the one at the cursor);
 * `cspPartners/scenario` answers one scenario or all seven, as results and as a Markdown report. The
 * requests' names, params and results are in ../protocol.ts, which the client imports too.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckResult } from '../core/check';
import { Locale, message } from '../messages';
import type { Customer, Entity, Partner } from '../core/model';
import {
  runAllScenarios,
  runScenario,
  ScenarioResult,
  SCENARIOS,
  ScenarioSubject,
  subjectKind,
  UnknownSubjectError,
} from '../core/scenarios';
import { renderScenario, scenarioQuestion } from '../present/scenarios';
import type { ScenarioAnswer, ScenarioParams, SubjectKind, SubjectsAnswer, SubjectsParams } from '../protocol';
import { renderScenarioMarkdown } from '../present/scenario-report';
import { positionIn } from './position';
import { ruleDocUri } from './diagnostics';
import { idAt } from './ids';

export function subjects(_document: TextDocument, result: CheckResult, params: SubjectsParams): SubjectsAnswer {
  const { model, locale } = result;
  /** The entities with an id, each id once (a duplicate id is its own finding). */
  const once = <T extends Entity>(list: T[]): (T & { id: { value: string } })[] => {
    const seen = new Set<string>();
    return list.filter((e): e is T & { id: { value: string } } => {
      if (!e.id || seen.has(e.id.value)) return false;
      seen.add(e.id.value);
      return true;
    });
  };
  const answer: SubjectsAnswer = {
    customers: once(model.customers).map((c) => ({ id: c.id.value, name: c.name ?? null, region: c.region ?? null })),
    partners: once(model.partners).map((p) => ({ id: p.id.value, name: p.name ?? null, type: p.type ?? null, region: p.region ?? null })),
    questions: SCENARIOS.map((n) => ({ scenario: n, question: scenarioQuestion(locale, n), subjectKind: subjectKind(n) })),
  };
  const at = positionIn(result, params?.position);
  if (at) {
    const entry = entryAt(result, at.offset);
    const named = idAt(result, at.offset)?.entity;
    const subject = (e: Entity | undefined) => (e?.id ? { kind: e.kind, id: e.id.value } : undefined);
    answer.atCursor = subject(named?.id ? named : entry);
    if (entry && named?.id && named !== entry) answer.entry = subject(entry);
  }
  return answer;
}

/** The partner or customer entry that holds an offset: from the start of its first line to the end of its last value. */
function entryAt(result: CheckResult, offset: number): Customer | Partner | undefined {
  const lines = result.parsed.lines;
  // Searched in the order of the whole lists: customers, then partners.
  const near = result.model.entitiesAt(offset);
  const candidates = near
    ? [...near.filter((e) => e.kind === 'customer'), ...near.filter((e) => e.kind === 'partner')]
    : [...result.model.customers, ...result.model.partners];
  return candidates.find((e) => {
    const range = e.node.range;
    return range && lines.lineStart(lines.position(range[0]).line) <= offset && offset <= range[1];
  });
}

export function scenarioAnswer(document: TextDocument, result: CheckResult, params: ScenarioParams): ScenarioAnswer {
  const which = params?.scenario;
  if (which !== 'all' && !SCENARIOS.includes(which)) {
    throw new ResponseError(ErrorCodes.InvalidParams, `scenario must be 1 to 7 or "all", not ${JSON.stringify(which)}`);
  }
  for (const key of ['customer', 'partner', 'reportUri'] as const) {
    if (params[key] !== undefined && params[key] !== null && typeof params[key] !== 'string') {
      throw new ResponseError(ErrorCodes.InvalidParams, `${key} must be a string`);
    }
  }
  const subject: ScenarioSubject = { customer: params.customer ?? undefined, partner: params.partner ?? undefined };
  let results: ScenarioResult[];
  try {
    results =
      which !== 'all'
        ? [runScenario(result, which, subject)]
        : subject.customer === undefined && subject.partner === undefined
          ? runAllScenarios(result)
          : // All seven, each about the subject of its kind when one is given.
            SCENARIOS.map((n) =>
              runScenario(
                result,
                n,
                subjectKind(n) === 'customer'
                  ? { customer: subject.customer }
                  : subjectKind(n) === 'partner'
                    ? { partner: subject.partner }
                    : {},
              ),
            );
  } catch (error) {
    if (error instanceof UnknownSubjectError) throw unknownSubject(result.locale, error);
    throw error;
  }
  const reportUri = params.reportUri ?? undefined;
  const rendered = results.map((r) => renderScenario(r, result.locale));
  const markdown = renderScenarioMarkdown(rendered, {
    documentUri: reportUri === undefined ? document.uri : relativeLink(reportUri, document.uri),
    fileLabel: fileLabelOf(document.uri),
    ruleDocUri: (rule) => (reportUri === undefined ? ruleDocUri(rule) : relativeLink(reportUri, ruleDocUri(rule))),
    locale: result.locale,
    note: result.parsed.syntaxProblems.length ? message(result.locale, 'scenario.report.yaml-errors') : undefined,
  });
  return { results: rendered, markdown };
}

function unknownSubject(locale: Locale, error: UnknownSubjectError): ResponseError<{ kind: SubjectKind; id: string }> {
  return new ResponseError(ErrorCodes.InvalidParams, message(locale, `scenario.unknown-${error.kind}`, { id: error.id }), {
    kind: error.kind,
    id: error.id,
  });
}

export function notOpen(locale: Locale, uri: unknown): ResponseError<{ uri: unknown }> {
  return new ResponseError(ErrorCodes.InvalidParams, message(locale, 'scenario.not-open'), { uri });
}

/** The last segment of a URI's path, decoded: `csp-partners.yaml`, `Untitled-1`. */
export function fileLabelOf(uri: string): string {
  const segment =
    uri
      .replace(/[?#].*$/, '')
      .replace(/\/+$/, '')
      .split(/[/:]/)
      .pop() ?? uri;
  try {
    return decodeURIComponent(segment) || uri;
  } catch {
    return segment || uri;
  }
}

/**
 * `target` as a path relative to the folder of `from`, when both are local files (on the same drive):
 * `csp-partners.yaml`, `../../docs/rules/self-sale.md`. Undefined when there is no such path (an
 * untitled manifest, another drive, another scheme): a link the Markdown preview could not follow.
 */
export function relativeLink(from: string, target: string): string | undefined {
  if (!/^file:/i.test(from) || !/^file:/i.test(target)) return undefined;
  try {
    const fromPath = fileURLToPath(from);
    const targetPath = fileURLToPath(target.replace(/#.*$/, ''));
    const relative = path.relative(path.dirname(fromPath), targetPath);
    if (!relative || path.isAbsolute(relative)) return undefined;
    return relative
      .split(path.sep)
      .map((segment) => encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
      .join('/');
  } catch {
    return undefined;
  }
}
