import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Diagnostic, DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver';
import type { Finding, FindingData, Severity } from '../core/finding';
import { isRange } from '../core/text';
import { ruleById } from '../core/rules';
import { DIAGNOSTIC_SOURCE } from '../protocol';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Each rule's page, made into a URI once rather than for every diagnostic of every version. */
const docUris = new Map<string, string>();

/** The rule's page shipped with the extension (server/out/server.js → its `docs`, docs/rules/<id>.md). */
export function ruleDocUri(rule: string): string {
  let uri = docUris.get(rule);
  if (uri === undefined) {
    const page = ruleById.get(rule)?.docs ?? `docs/rules/${rule}.md`;
    uri = pathToFileURL(path.join(__dirname, '..', '..', ...page.split('/'))).href;
    docUris.set(rule, uri);
  }
  return uri;
}

/** What a diagnostic carries back to the server in a code action request. */
export interface DiagnosticData extends FindingData {
  severity: Severity;
}

export function toDiagnostic(uri: string, finding: Finding): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.rule,
    codeDescription: { href: ruleDocUri(finding.rule) },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    data: { path: [], ...finding.data, severity: finding.severity } satisfies DiagnosticData,
  };
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map((r) => ({ location: { uri, range: r.range }, message: r.message }));
  }
  if (finding.rule === 'unused-suppression') diagnostic.tags = [DiagnosticTag.Unnecessary];
  return diagnostic;
}

/** The finding a diagnostic came from, rebuilt from what the client sent back. */
export function toFinding(diagnostic: Diagnostic): Finding | undefined {
  const data = diagnostic.data as DiagnosticData | undefined;
  if (
    diagnostic.source !== DIAGNOSTIC_SOURCE ||
    typeof diagnostic.code !== 'string' ||
    !Array.isArray(data?.path) ||
    !isRange(diagnostic.range)
  )
    return undefined;
  const { severity, ...rest } = data;
  const text = typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
  return { rule: diagnostic.code, severity, message: text, range: diagnostic.range, data: rest };
}
