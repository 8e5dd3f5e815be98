/**
 * Runs the tasks of tasks.ts in worker threads: better-sqlite3 and pdfmake are synchronous, and a backup or a long
 * PDF on the main thread would keep every other window waiting for its answer. One worker per task (a backup never
 * waits behind a PDF), started at its first use and stopped after a while without work.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AppError } from '../../../shared/result.ts';
import { Failure } from '../failure.ts';
import type { TaskName, Tasks } from './tasks.ts';

export interface TaskRequest {
  id: number;
  task: TaskName;
  input: unknown;
}
/** A task's failure as it crosses the thread boundary: a Failure keeps its Dutch message, others their code. */
export interface WorkerError {
  failure?: AppError;
  message: string;
  name?: string;
  code?: string | undefined;
}
export type TaskResponse =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: WorkerError };

type Input<K extends TaskName> = Parameters<Tasks[K]>[0];
type Output<K extends TaskName> = Awaited<ReturnType<Tasks[K]>>;

/** How long an idle worker is kept, so a run of PDFs does not pay for loading pdfmake each time. */
const idleMs = 2 * 60_000;

/**
 * The worker's script. In the esbuild bundle of the Electron main process import.meta.url is empty and the worker
 * is bundled beside it (scripts/build.ts); from source (browser host, tests) Node runs entry.ts itself.
 */
function entry(): URL | string {
  return import.meta.url ? new URL('./entry.ts', import.meta.url) : path.join(__dirname, 'worker.cjs');
}

function errorFrom(error: WorkerError): Error {
  const { failure } = error;
  if (failure) {
    return new Failure(
      failure.code,
      failure.message,
      failure.field,
      failure.field && failure.fields?.[failure.field],
    );
  }
  return Object.assign(new Error(error.message), { name: error.name ?? 'Error', code: error.code });
}

class Lane {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(err: Error): void }>();
  private nextId = 1;
  private idle: NodeJS.Timeout | null = null;

  run(task: TaskName, input: unknown): Promise<unknown> {
    const worker = this.start();
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // While a task runs the worker keeps the process alive (a script awaiting it must not just end).
      worker.ref();
      try {
        worker.postMessage({ id, task, input } satisfies TaskRequest);
      } catch (err) {
        // Input that cannot be sent (a function in it): this task fails, the worker rests as before.
        this.pending.delete(id);
        if (this.pending.size === 0) this.rest();
        reject(err);
      }
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(entry());
    worker.on('message', (response: TaskResponse) => {
      const waiting = this.pending.get(response.id);
      this.pending.delete(response.id);
      if (response.ok) waiting?.resolve(response.value);
      else waiting?.reject(errorFrom(response.error));
      if (this.pending.size === 0) this.rest();
    });
    worker.on('error', (err) => this.stopped(worker, err instanceof Error ? err : new Error(String(err))));
    worker.on('exit', (code) =>
      this.stopped(worker, new Error(`De achtergrondtaak stopte onverwacht (${code}).`)),
    );
    this.worker = worker;
    return worker;
  }

  /** No work left: the worker no longer keeps the process alive, and stops if none comes for a while. */
  private rest(): void {
    this.worker?.unref();
    this.idle = setTimeout(() => {
      const worker = this.worker;
      this.worker = null;
      void worker?.terminate();
    }, idleMs);
    this.idle.unref();
  }

  /** A worker that failed or ended by itself: its tasks fail (the next task starts a new one). */
  private stopped(worker: Worker, err: Error): void {
    if (this.worker !== worker) return; // stopped when idle, or its end was already handled
    this.worker = null;
    for (const { reject } of this.pending.values()) reject(err);
    this.pending.clear();
  }
}

const lanes = new Map<TaskName, Lane>();

/** Runs `task` in its worker thread and resolves with its result; a Failure thrown there is thrown here. */
export function runInWorker<K extends TaskName>(task: K, input: Input<K>): Promise<Output<K>> {
  let lane = lanes.get(task);
  if (!lane) {
    lane = new Lane();
    lanes.set(task, lane);
  }
  return lane.run(task, input) as Promise<Output<K>>;
}
