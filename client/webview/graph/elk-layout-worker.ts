// The script of client/out/webview/elk-layout.js: ELK's layout code, started as a web worker (it then
// answers the page's messages) or, when no worker can start, loaded on the page, where it leaves a worker
// stand-in that runs the layouts on the main thread.
import { Worker as MainThreadWorker } from 'elkjs/lib/elk-worker.min.js';

if (typeof document !== 'undefined') (globalThis as { cspPartnersElkWorker?: unknown }).cspPartnersElkWorker = MainThreadWorker;
