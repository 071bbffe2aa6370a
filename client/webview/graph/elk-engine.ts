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

/**
 * Resolves when the worker has laid out a first graph of a few hundred nodes: a worker the page may not run fails here, not in
 * a layout, and ELK's code is warmed up before the first real graph (a cold first layout takes twice as long).
 */
function answers(worker: Worker): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the layout worker did not answer')), 30_000);
    worker.onmessage = (event: MessageEvent<{ id: number; error?: unknown }>) => {
      if (event.data.id !== -1) return;
      clearTimeout(timer);
      if (event.data.error) {
        reject(new Error('the layout worker failed its first layout'));
        return;
      }
      worker.onmessage = null;
      worker.onerror = null;
      resolve();
    };
    worker.onerror = (event) => {
      clearTimeout(timer);
      reject(new Error(event.message || 'the layout worker failed'));
    };
    worker.postMessage({ id: -2, cmd: 'register', algorithms: ['layered'] });
    worker.postMessage({ id: -1, cmd: 'layout', graph: warmUpGraph(), layoutOptions: {}, options: {} });
  });
}

/** A channel of a few hundred nodes in three boxes, shaped like the real ones, laid out with the same options. */
function warmUpGraph(): ElkNode {
  const options = { 'elk.algorithm': 'layered', 'elk.hierarchyHandling': 'INCLUDE_CHILDREN', 'elk.edgeRouting': 'POLYLINE' };
  const node = (id: string): ElkNode => ({ id, width: 120, height: 34 });
  const edges: { id: string; sources: string[]; targets: string[] }[] = [];
  const link = (from: string, to: string) => edges.push({ id: `${from}>${to}`, sources: [from], targets: [to] });
  const boxes: ElkNode[] = [];
  for (let r = 0; r < 3; r++) {
    const children: ElkNode[] = [];
    for (let p = 0; p < 4; p++) {
      const provider = `p${r}.${p}`;
      children.push(node(provider));
      link('microsoft', provider);
      for (let s = 0; s < 6; s++) {
        const reseller = `${provider}.${s}`;
        children.push(node(reseller));
        link(provider, reseller);
        for (let c = 0; c < 4; c++) {
          children.push(node(`${reseller}.${c}`));
          link(reseller, `${reseller}.${c}`);
        }
      }
    }
    boxes.push({ id: `box${r}`, layoutOptions: options, children });
  }
  return { id: 'warm-up', layoutOptions: options, children: [node('microsoft'), ...boxes], edges };
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

/** The positions and sizes ELK computed, onto the graph that was asked about (matched by id). */
function copyPlacement(from: ElkNode, to: ElkNode): void {
  to.x = from.x;
  to.y = from.y;
  to.width = from.width;
  to.height = from.height;
  const laid = new Map((from.children ?? []).map((child) => [child.id, child]));
  for (const child of to.children ?? []) {
    const placed = laid.get(child.id);
    if (placed) copyPlacement(placed, child);
  }
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

  /**
   * cytoscape-elk hands over its graph with the cytoscape elements in it and reads the positions from that
   * same object afterwards, as the main-thread ELK leaves them. A worker gets a copy without the elements
   * (they cannot be sent) and its answer is written back; a failure is told to the page, which waits.
   */
  override async layout(graph: ElkNode, args?: ElkLayoutArguments): Promise<ElkNode> {
    const sendable = JSON.parse(JSON.stringify(graph, (key, value: unknown) => (key === '_cyEle' ? undefined : value))) as ElkNode;
    try {
      copyPlacement(await super.layout(sendable, args), graph);
      return graph;
    } catch (error) {
      onFailure(error);
      throw error;
    }
  }
}
