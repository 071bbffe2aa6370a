/**
 * The words the VS Code client and the language server share, each defined once: the language id, the
 * settings section, the diagnostics' source, the commands, the code action kind of "fix all", and the
 * server's own requests and notification with their params and results.
 *
 * Both bundles import this module: the server's (server/out/server.js) and the client's
 * (client/out/extension.js). It imports nothing but types, which the bundler erases, so no server code
 * comes into the client with it (test/layers.test.ts keeps it that way).
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { ChannelGraph, GraphOptions } from './core/graph';
import type { PartnerType } from './core/model';
import type { ScenarioNumber } from './core/scenarios';
import type { Position } from './core/text';
import type { RenderedScenario } from './present/scenarios';

export type { ScenarioNumber } from './core/scenarios';
export type {
  ChannelGraph,
  GraphEdge,
  GraphEdgeKind,
  GraphGroup,
  GraphNode,
  GraphNodeKind,
  GraphOptions,
  GraphSubscription,
} from './core/graph';

/** Language id of the manifests (package.json `contributes.languages`). */
export const LANGUAGE_ID = 'csp-partners';

/** The settings section: `cspPartners.rules`, `cspPartners.run`, `cspPartners.trace.server` (package.json `contributes.configuration`). */
export const SETTINGS_SECTION = 'cspPartners';

/** Manifest files as the format names them (a glob): what the CLI checks without arguments and the editor's workspace scope. */
export const MANIFEST_GLOB = '**/{csp-partners,*.csp-partners}.{yaml,yml}';

/** The `source` of every diagnostic the server publishes (the client sends it back with code action requests). */
export const DIAGNOSTIC_SOURCE = 'csp-partners';

/** Commands the client registers; the contributed ones are listed in package.json, `applyEditAndSelect` is the server's. */
export const COMMANDS = {
  /** Applies a quick fix's edits, then selects what the user must confirm (the MPA date): sent by the server's code actions. */
  applyEditAndSelect: 'cspPartners.applyEditAndSelect',
  checkScenario: 'cspPartners.checkScenario',
  checkAllScenarios: 'cspPartners.checkAllScenarios',
  newManifest: 'cspPartners.newManifest',
  restartServer: 'cspPartners.restartServer',
  showOutput: 'cspPartners.showOutput',
  // The CSP Channel view (client/src/channel-tree.ts): its title action, and what a click on an item runs (not contributed).
  refreshChannel: 'cspPartners.refreshChannel',
  revealInManifest: 'cspPartners.revealInManifest',
  /** Opens the partner-network view of a manifest (client/src/graph-view.ts). */
  showPartnerNetwork: 'cspPartners.showPartnerNetwork',
} as const;

/** LSP's `source.fixAll`, for this server's fixes that are safe to apply without a person choosing (`editor.codeActionsOnSave`). */
export const FIX_ALL_KIND = 'source.fixAll.cspPartners';

/** Request: answers scenario questions for a document (server/src/lsp/scenarios.ts). Params `ScenarioParams`, result `ScenarioAnswer`. */
export const SCENARIO_REQUEST = 'cspPartners/scenario';

/** Request: the customers, partners and questions a scenario can be asked about. Params `SubjectsParams`, result `SubjectsAnswer`. */
export const SUBJECTS_REQUEST = 'cspPartners/subjects';

/**
 * Request: the diagnostics of a manifest that is not open, read from disk by the server with the settings
 * of its URI (setting `cspPartners.diagnostics.scope: workspace`). Params `CheckFileParams`, result
 * `CheckFileAnswer`; a file that cannot be read is an error answer.
 */
export const CHECK_FILE_REQUEST = 'cspPartners/checkFile';

export interface CheckFileParams {
  uri: string;
}

export interface CheckFileAnswer {
  diagnostics: Diagnostic[];
}

/**
 * Request: the channel graph of an open manifest (server/src/core/graph.ts), with the findings as the
 * Problems panel shows them (rule severities and baseline applied), for the partner-network view and the
 * channel tree. Params `GraphParams`, result `GraphAnswer`; a document the server does not have is an error.
 */
export const GRAPH_REQUEST = 'cspPartners/graph';

export interface GraphParams {
  textDocument: { uri: string };
  options?: GraphOptions;
}

export interface GraphAnswer extends ChannelGraph {
  /** The version of the document the graph is of. */
  version: number;
}

/** Notification, sent after each check: the client's language status item shows it for the active editor. */
export const STATUS_NOTIFICATION = 'cspPartners/status';

export type SubjectKind = 'customer' | 'partner';

/** A scenario question: one of the seven or all, about one customer or partner or about everyone. */
export interface ScenarioQuestion {
  scenario: ScenarioNumber | 'all';
  /** The customer scenarios 1–3 are asked about; without one they cover every customer. */
  customer?: string;
  /** The partner scenario 4 is asked about; without one it covers every partner. */
  partner?: string;
}

export interface ScenarioParams extends ScenarioQuestion {
  textDocument: { uri: string };
  /**
   * Where the client writes the report. Links are then written relative to it, which is what the
   * VS Code Markdown preview follows (it neither renders nor opens `file:` links); without it, links
   * are absolute URIs: `<manifest uri>#L<line>` and the packaged docs/rules/<id>.md.
   */
  reportUri?: string;
}

export interface ScenarioAnswer {
  results: RenderedScenario[];
  markdown: string;
}

export interface SubjectsParams {
  textDocument: { uri: string };
  position?: Position;
}

export interface SubjectsAnswer {
  customers: { id: string; name: string | null; region: string | null }[];
  partners: { id: string; name: string | null; type: PartnerType | null; region: string | null }[];
  /** The entity whose id is under the cursor (declared or referenced there), else the entry the cursor is in. */
  atCursor?: { kind: SubjectKind; id: string };
  /** The entry (customer or partner) the cursor is in, when the id under the cursor names another entity. */
  entry?: { kind: SubjectKind; id: string };
  /** The seven questions in the server's language, and whom each is asked about. */
  questions: { scenario: ScenarioNumber; question: string; subjectKind?: SubjectKind }[];
}

/** The params of `STATUS_NOTIFICATION`: the counts of the last check of a document. */
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
