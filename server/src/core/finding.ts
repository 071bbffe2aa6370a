import type { Range, TextEdit } from './text';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';
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
