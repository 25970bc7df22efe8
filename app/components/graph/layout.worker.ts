/**
 * The layout worker: runs ELK off the main thread, so laying out a large map never freezes
 * panning, typing or the live updates. One message in ({ id, input }), one message out
 * ({ id, result } or { id, error }).
 */
import ELK from "elkjs/lib/elk.bundled.js";
import { computeLayout, type TLayoutInput } from "@/lib/graph/layout";

interface TWorkerScope {
  onmessage: ((event: MessageEvent<{ id: number; input: TLayoutInput }>) => void) | null;
  postMessage(message: unknown): void;
}

// elkjs, loaded inside a worker, installs its own message handler; this one replaces it.
const scope = globalThis as unknown as TWorkerScope;
const elk = new ELK();

scope.onmessage = (event) => {
  const { id, input } = event.data;
  computeLayout(elk, input).then(
    (result) => scope.postMessage({ id, result }),
    (error: unknown) => scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
  );
};
