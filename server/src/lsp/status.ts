import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckResult } from '../core/check';
import type { ManifestStatus } from '../protocol';

export function statusOf(document: TextDocument, result: CheckResult, durationMs: number): ManifestStatus {
  const { findings } = result;
  return {
    uri: document.uri,
    version: document.version,
    ...result.counts(),
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    durationMs: Math.round(durationMs),
    checkedAt: new Date().toISOString(),
  };
}
