// The ELK that cytoscape-elk constructs for each layout (scripts/bundle.mjs puts this module in place of
// elkjs's own bundle, which would always run on the main thread): every instance talks to the one
// layout worker the page started, so ELK's code is loaded once, off the main thread when it can be.
import ElkApi, { type ElkLayoutArguments, type ElkNode } from 'elkjs/lib/elk-api.js';

export type LayoutPlace = 'worker' | 'main-thread';

interface Engine {
  worker: Worker;
  place: LayoutPlace;
}

let engine: Promise<Engine> | undefined;
/** Set once the engine has started: cytoscape-elk constructs ELK synchronously. */
let started: Engine | undefined;
let onFailure: (error: unknown) => void = () => undefined;

/**
 * Starts the layout engine from the bundled script: as a worker made from a blob of its text (a
 * webview's resources come from another origin than the page, and a worker must be same-origin), or,
 * when the page may not start one, as a script on the page with the page's nonce.
 */
export function startEngine(scriptUri: string, nonce: string, failed: (error: unknown) => void): Promise<Engine> {
  onFailure = failed;
  engine ??= (async () => {
    try {
      const response = await fetch(scriptUri);
      if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
      const blob = new Blob([await response.text()], { type: 'text/javascript' });
      const worker = new Worker(URL.createObjectURL(blob));
      try {
        await answers(worker);
      } catch (error) {
        worker.terminate();
        throw error;
      }
      started = { worker, place: 'worker' };
      return started;
    } catch (error) {
      console.warn(`csp-partners: the layout runs on the main thread (${error instanceof Error ? error.message : String(error)})`);
      await loadScript(scriptUri, nonce);
      const Stand = (globalThis as { cspPartnersElkWorker?: new () => Worker }).cspPartnersElkWorker;
      if (!Stand) throw new Error('the layout script did not load');
      started = { worker: new Stand(), place: 'main-thread' };
      return started;
    }
  })();
  return engine;
}

/** Resolves when the worker answers a first message: a worker the page may not run fails here, not in a layout. */
function answers(worker: Worker): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the layout worker did not answer')), 30_000);
    worker.onmessage = () => {
      clearTimeout(timer);
      worker.onmessage = null;
      worker.onerror = null;
      resolve();
    };
    worker.onerror = (event) => {
      clearTimeout(timer);
      reject(new Error(event.message || 'the layout worker failed'));
    };
    worker.postMessage({ id: -1, cmd: 'register', algorithms: ['layered'] });
  });
}

function loadScript(src: string, nonce: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.nonce = nonce;
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`cannot load ${src}`));
    document.head.appendChild(script);
  });
}

/** Constructed by cytoscape-elk for each layout, once `startEngine()` has resolved. */
export default class WebviewElk extends ElkApi {
  constructor() {
    super({
      workerFactory: () => {
        if (!started) throw new Error('the layout engine has not started');
        return started.worker;
      },
    });
  }

  override layout(graph: ElkNode, args?: ElkLayoutArguments): Promise<ElkNode> {
    // cytoscape-elk does not handle a failed layout: tell the page, which would otherwise wait for it.
    return super.layout(graph, args).catch((error: unknown) => {
      onFailure(error);
      throw error;
    });
  }
}
