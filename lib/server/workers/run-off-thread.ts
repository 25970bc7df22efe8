import "server-only";
import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { AppError } from "../../errors/app-error";

/**
 * Heavy parsing (a saved web page, a large import) runs in a worker thread of its own, so the one
 * thread that answers every request never stops for it. A job that runs past its time limit is
 * ended (the worker is terminated, whatever it was doing), and at most `MAX_RUNNING` jobs run at
 * once with a short queue behind them; beyond that the caller gets 503 with Retry-After instead of
 * a long wait. One worker per job: starting one costs tens of milliseconds, which these jobs dwarf,
 * and a terminated job leaves nothing behind.
 *
 * The worker's code is a string: modules it needs are required by absolute path at run time,
 * since the bundler would otherwise rewrite the path of a worker file and of what it loads.
 */

const MAX_RUNNING = 2;
const MAX_WAITING = 8;

let running = 0;
const waiting: (() => void)[] = [];

async function acquire(): Promise<() => void> {
  if (running >= MAX_RUNNING) {
    if (waiting.length >= MAX_WAITING) throw new AppError("BUSY", "The server is busy with other large imports. Try again in a few seconds.", { retryAfter: 5 });
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    running++;
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
}

export interface TOffThreadJob {
  /** CommonJS code run in the worker: it reads `workerData.input` and posts one message `{ result }` or `{ error }`. */
  code: string;
  input: unknown;
  /** Further workerData (e.g. absolute paths of modules to require). */
  data?: Record<string, unknown>;
  timeoutMs: number;
  /** What the person asked for, for messages: "reading the page". */
  what: string;
}

/** Runs `job` in a fresh worker thread; 422 when it fails or runs out of time, 503 when too many are running. */
export async function runOffThread<T>(job: TOffThreadJob): Promise<T> {
  const release = await acquire();
  try {
    return await new Promise<T>((resolve, reject) => {
      const worker = new Worker(job.code, { eval: true, workerData: { ...job.data, input: job.input }, resourceLimits: { maxOldGenerationSizeMb: 512 } });
      const timer = setTimeout(() => {
        void worker.terminate();
        reject(new AppError("UNPROCESSABLE", `Stopped ${job.what} after ${Math.round(job.timeoutMs / 1000)} s: the file is too large or too complex to read.`));
      }, job.timeoutMs);
      const settle = () => clearTimeout(timer);
      worker.once("message", (message: { result?: T; error?: string }) => {
        settle();
        void worker.terminate();
        if (message.error !== undefined) reject(new AppError("UNPROCESSABLE", `Could not finish ${job.what}: ${message.error}`));
        else resolve(message.result as T);
      });
      worker.once("error", (error) => {
        settle();
        reject(new AppError("UNPROCESSABLE", `Could not finish ${job.what}: ${error.message}`));
      });
      worker.once("exit", (code) => {
        settle();
        reject(new AppError("UNPROCESSABLE", `Could not finish ${job.what} (the reader stopped with code ${code}).`));
      });
    });
  } finally {
    release();
  }
}

/**
 * The worker loads a module of the app from its TypeScript source through tsx (which runs the
 * app): Next.js bundles the request's code, so there is no compiled module to require. Loading
 * costs about a second, so this is for work that would otherwise hold the thread for longer.
 */
const MODULE_WORKER_CODE = `
const { parentPort, workerData } = require("node:worker_threads");
try {
  require(workerData.tsxPath).register();
  const run = require(workerData.modulePath)[workerData.exportName];
  parentPort.postMessage({ result: run(...workerData.input) });
} catch (error) {
  parentPort.postMessage({ error: String(error && error.message || error) });
}
`;

/**
 * Text this long or longer is anchored in a worker thread: one approximate search in it can take
 * a tenth of a second, too long to hold the thread that answers everyone. In shorter text one
 * costs a few milliseconds, and the work is done on the request's thread, a slice at a time.
 */
export const OFF_THREAD_TEXT_LENGTH = 256 * 1024;

/**
 * Calls `exportName` of the module at `modulePath` (relative to the app's root, a pure module of
 * `lib/`) with `args` in a worker thread (`runOffThread`); the arguments and the answer are copied
 * between threads.
 */
export function runModuleOffThread<T>(job: { modulePath: string; exportName: string; args: unknown[]; timeoutMs: number; what: string }): Promise<T> {
  const root = process.cwd();
  return runOffThread<T>({
    code: MODULE_WORKER_CODE,
    input: job.args,
    data: { tsxPath: createRequire(path.join(root, "package.json")).resolve("tsx/cjs/api"), modulePath: path.join(root, job.modulePath), exportName: job.exportName },
    timeoutMs: job.timeoutMs,
    what: job.what,
  });
}
