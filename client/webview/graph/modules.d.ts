// Types for the two untyped modules the webview bundles, and one of V8's that the server's core uses.

/** The webview type-checks the graph types of the server's core, whose parser sets this (a V8 property, in Chromium too). */
interface ErrorConstructor {
  stackTraceLimit: number;
}

/** The cytoscape layout extension that runs ELK (registered with `cytoscape.use`). */
declare module 'cytoscape-elk' {
  import type { Ext } from 'cytoscape';
  const register: Ext;
  export default register;
}

/** ELK's layout code: as a web worker it answers messages; on a page it exports a worker stand-in. */
declare module 'elkjs/lib/elk-worker.min.js' {
  export const Worker: new () => globalThis.Worker;
}
