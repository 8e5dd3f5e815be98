/**
 * A worker thread's entry: runs the tasks of tasks.ts that the main thread sends (see pool.ts), one message each.
 * Plain Node, no Electron: bundled as dist/electron/worker.cjs for the Electron main process, run from source by
 * the browser host and the tests.
 */
import { parentPort } from 'node:worker_threads';
import { Failure } from '../failure.ts';
import { errorCode } from '../store/store-error.ts';
import type { TaskRequest, TaskResponse, WorkerError } from './pool.ts';
import { type TaskName, tasks } from './tasks.ts';

function workerError(err: unknown): WorkerError {
  if (err instanceof Failure) return { failure: err.error, message: err.message };
  return {
    message: err instanceof Error ? err.message : String(err),
    name: err instanceof Error ? err.name : 'Error',
    code: errorCode(err) || undefined,
  };
}

const port = parentPort;
if (!port) throw new Error('worker/entry.ts runs as a worker thread only');
port.on('message', async ({ id, task, input }: TaskRequest) => {
  let response: TaskResponse;
  try {
    const run = tasks[task as TaskName] as (input: unknown) => Promise<unknown>;
    const value = await run(input);
    response = { id, ok: true, value };
  } catch (err) {
    response = { id, ok: false, error: workerError(err) };
  }
  const { value } = response as { value?: unknown };
  port.postMessage(response, value instanceof Uint8Array ? [value.buffer as ArrayBuffer] : []);
});
