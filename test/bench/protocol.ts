// Time from didOpen / didChange to fresh diagnostics over the protocol, against the bundled server.
import { startServer } from '../lsp/harness';

export interface ProtocolTimes { openMs: number[]; editMs: number[] }

/** Each run opens the text as a new document, pulls diagnostics, then edits one line and pulls again. */
export async function measureProtocol(text: string, runs: number): Promise<ProtocolTimes> {
  const server = await startServer();
  const times: ProtocolTimes = { openMs: [], editMs: [] };
  try {
    for (let run = 0; run < runs; run++) {
      let started = performance.now();
      const uri = await server.open(`bench-${run}.csp-partners.yaml`, text);
      await server.diagnostics(uri);
      times.openMs.push(performance.now() - started);
      started = performance.now();
      await server.change(uri, `${text}# edited ${run}\n`);
      await server.diagnostics(uri);
      times.editMs.push(performance.now() - started);
      await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }
  } finally {
    await server.stop();
  }
  return times;
}
