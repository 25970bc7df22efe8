import "server-only";
import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { ELK, ElkNode } from "elkjs/lib/elk-api";
import { AppError } from "../../errors/app-error";
import type { TLayoutElk } from "../../graph/layout";

/** Layouts waiting or running at once; more are refused (503) instead of queueing without end. */
const MAX_PENDING = 6;
/** The largest map lays out in a few seconds; a layout still running after this is stopped. */
const LAYOUT_TIMEOUT_MS = 60_000;

/**
 * ELK for the server, in a worker thread. elkjs's bundled build lays a graph out in the thread
 * that calls it when there is no Web Worker (as in Node); a large map's graph takes seconds, and
 * the thread that answers every request must not stop for that long. One worker, started on first
 * use and kept (without keeping the process alive), lays out one graph after another.
 *
 * The worker's code is a string requiring elkjs from the app's folder at run time: the bundler
 * would otherwise rewrite the path of a worker file and of the module it loads.
 */
const WORKER_CODE = `
const { parentPort, workerData } = require("node:worker_threads");
const ELK = require(workerData.elkPath);
const elk = new ELK();
parentPort.on("message", ({ id, graph }) => {
  elk.layout(graph).then(
    (result) => parentPort.postMessage({ id, result }),
    (error) => parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
  );
});
`;

type TPending = { resolve: (node: ElkNode) => void; reject: (error: Error) => void };

let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, TPending>();

function start(): Worker {
  const elkPath = createRequire(path.join(process.cwd(), "package.json")).resolve("elkjs/lib/elk.bundled.js");
  const started = new Worker(WORKER_CODE, { eval: true, workerData: { elkPath } });
  started.unref();
  started.on("message", ({ id, result, error }: { id: number; result?: ElkNode; error?: string }) => {
    const request = pending.get(id);
    pending.delete(id);
    if (result) request?.resolve(result);
    else request?.reject(new Error(`The graph could not be laid out: ${error}`));
  });
  const fail = (error: Error) => {
    // A worker ended for running too long has already failed its layouts; later ones are another worker's.
    if (worker !== started) return;
    worker = null;
    for (const request of pending.values()) request.reject(error);
    pending.clear();
  };
  started.on("error", fail);
  started.on("exit", (code) => fail(new Error(`The layout worker stopped (exit code ${code}).`)));
  return started;
}

function run(graph: ElkNode): Promise<ElkNode> {
  if (pending.size >= MAX_PENDING) return Promise.reject(new AppError("BUSY", "The server is drawing other graphs right now. Try again in a few seconds.", { retryAfter: 5 }));
  worker ??= start();
  const running = worker;
  const id = ++nextId;
  // Kept alive while it has work, so that a script awaiting a layout does not exit under it.
  running.ref();
  let timer: ReturnType<typeof setTimeout> | undefined;
  return new Promise<ElkNode>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    running.postMessage({ id, graph });
    // The worker lays graphs out one after another: one that never finishes holds up the rest, so
    // the worker is ended (every layout in it fails) and the next layout starts a new one.
    timer = setTimeout(() => {
      if (!pending.has(id)) return;
      if (worker === running) worker = null;
      const stuck = new AppError("UNPROCESSABLE", `The graph could not be laid out within ${LAYOUT_TIMEOUT_MS / 1000} s; draw a part of it (one claim or one tag).`);
      for (const request of pending.values()) request.reject(stuck);
      pending.clear();
      void running.terminate();
    }, LAYOUT_TIMEOUT_MS);
  }).finally(() => {
    clearTimeout(timer);
    if (pending.size === 0) running.unref();
  });
}

/** What `computeLayout` needs of ELK, answered by the worker. */
export const workerElk: TLayoutElk = { layout: run as ELK["layout"] };
