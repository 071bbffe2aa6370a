import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { WholeSyntax } from '../core/manifest';

interface Job {
  id: number;
  key: string;
  text: string;
  resolve: (syntax: WholeSyntax | undefined) => void;
}

/**
 * Parses whole texts in a worker thread, one at a time: a large manifest with a YAML error is parsed
 * whole after each edit (see `Manifest.settle`), which takes seconds that the server's thread spends
 * answering other requests instead. A parse asked for again under the same key (the same document)
 * replaces the one waiting or running, which is dropped. Answers undefined when the worker cannot
 * be used; the caller then parses on its own thread.
 */
export class WholeParser {
  private worker: Worker | undefined;
  private running: Job | undefined;
  private readonly waiting: Job[] = [];
  private nextId = 0;
  private failed = false;

  constructor(private readonly script = path.join(__dirname, 'parse-worker.js')) {}

  parse(key: string, text: string): Promise<WholeSyntax | undefined> {
    if (this.failed) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      for (const job of this.waiting.filter((j) => j.key === key)) this.drop(job);
      this.waiting.push({ id: this.nextId++, key, text, resolve });
      if (this.running?.key === key) this.restart();
      this.next();
    });
  }

  dispose(): void {
    for (const job of [...this.waiting]) this.drop(job);
    if (this.running) this.running.resolve(undefined);
    this.running = undefined;
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private drop(job: Job): void {
    this.waiting.splice(this.waiting.indexOf(job), 1);
    job.resolve(undefined);
  }

  /** Stops a parse that is no longer wanted: the worker cannot be interrupted, only ended. */
  private restart(): void {
    this.running?.resolve(undefined);
    this.running = undefined;
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private next(): void {
    if (this.running || this.waiting.length === 0) return;
    const job = this.waiting.shift()!;
    this.running = job;
    this.workerOrNone()?.postMessage({ id: job.id, text: job.text });
  }

  private workerOrNone(): Worker | undefined {
    if (this.worker) return this.worker;
    try {
      const worker = new Worker(this.script);
      worker.on('message', ({ id, syntax }: { id: number; syntax: WholeSyntax }) => {
        if (this.running?.id !== id) return;
        const job = this.running;
        this.running = undefined;
        job.resolve(syntax);
        this.next();
      });
      worker.on('error', () => this.giveUp());
      worker.unref();
      this.worker = worker;
      return worker;
    } catch {
      this.giveUp();
      return undefined;
    }
  }

  /** Without a worker (its script missing, or it failed), every parse is made by the caller. */
  private giveUp(): void {
    this.failed = true;
    this.running?.resolve(undefined);
    this.running = undefined;
    for (const job of [...this.waiting]) this.drop(job);
    void this.worker?.terminate();
    this.worker = undefined;
  }
}
