import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckResult } from '../core/check';

/** Sent after each check: the client's language status item shows it for the active editor. */
export const STATUS_NOTIFICATION = 'cspPartners/status';

export interface ManifestStatus {
  uri: string;
  version: number;
  partners: number;
  customers: number;
  subscriptions: number;
  errors: number;
  warnings: number;
  durationMs: number;
  checkedAt: string;
}

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
