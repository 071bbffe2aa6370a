// Names of the server's own requests, shared with the client (this module has no dependencies, so the
// client bundle can import it).

/** Answers scenario questions for a document (server/src/lsp/scenarios.ts). */
export const SCENARIO_REQUEST = 'cspPartners/scenario';
/** Lists the customers, partners and questions a scenario can be asked about. */
export const SUBJECTS_REQUEST = 'cspPartners/subjects';
