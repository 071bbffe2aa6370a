import type { Range, TextEdit } from './text';

/** A finding's severities, the most severe first (LSP's diagnostic severities). */
export const SEVERITIES = ['error', 'warning', 'info', 'hint'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The more severe of two severities (`b` when `a` is none). */
export function moreSevere(a: Severity | undefined, b: Severity): Severity {
  return a !== undefined && SEVERITIES.indexOf(a) <= SEVERITIES.indexOf(b) ? a : b;
}

/** What a rule can be set to, in `cspPartners.rules` and `--rule ID=SEVERITY`: a severity, or `off`. */
export const SEVERITY_SETTINGS = [...SEVERITIES, 'off'] as const;
export type SeveritySetting = (typeof SEVERITY_SETTINGS)[number];

/** Whether a value from settings or the command line is a severity setting. */
export function isSeveritySetting(value: unknown): value is SeveritySetting {
  return (SEVERITY_SETTINGS as readonly unknown[]).includes(value);
}
/** Per-rule severity overrides: the shape of the `cspPartners.rules` setting and of `--rule ID=SEVERITY`. */
export type RuleSettings = Record<string, SeveritySetting>;

export interface RelatedLocation {
  range: Range;
  message: string;
}

/** What the core reports: plain data that survives JSON (LSP, CLI, tests). */
export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  related?: RelatedLocation[];
  /** What the rule's quick fixes need: always includes `path`, the JSON path of the reported node. */
  data?: FindingData;
}

export interface FindingData {
  path: (string | number)[];
  [key: string]: unknown;
}

export interface Fix {
  /** Stable id of the kind of fix (`fix.*` in the message catalogue). */
  id: string;
  title: string;
  edits: TextEdit[];
  isPreferred?: boolean;
  /** Part of the inserted text the editor should select after applying (the MPA date). */
  select?: { edit: number; start: number; length: number };
}
