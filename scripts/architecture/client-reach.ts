/**
 * What a client component may reach. Next.js bundles a `"use client"` file and everything it
 * imports for the browser, so none of that may be server code: lib/server, lib/db, or any module
 * that imports `server-only`. Type-only imports are erased by the compiler and bring no code
 * along, so only value imports are followed.
 */

/** A module of dependency-cruiser's result: its path and what it imports. */
export interface TGraphModule {
  source: string;
  dependencies: { resolved: string; dependencyTypes: string[] }[];
}

/** A client file that reaches server code, with the chain of imports that leads there. */
export interface TClientLeak {
  client: string;
  chain: string[];
}

const SERVER_FOLDERS = /^lib\/(server|db)\//;
const SERVER_ONLY = /^node_modules\/server-only\//;

/** Whether a file's first statement is the `"use client"` directive (comments may come before it). */
export function isClientSource(text: string): boolean {
  return /^(?:\s+|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*(["'])use client\1/.test(text);
}

function valueImports(module: TGraphModule): string[] {
  return module.dependencies.filter((d) => !d.dependencyTypes.includes("type-only")).map((d) => d.resolved);
}

function isServerCode(module: TGraphModule | undefined, source: string): boolean {
  return SERVER_FOLDERS.test(source) || SERVER_ONLY.test(source) || (module !== undefined && valueImports(module).some((target) => SERVER_ONLY.test(target)));
}

/**
 * Every server module reached from each client file along value imports, each with the shortest
 * chain of imports from the client file to it. The search stops at server code, so one wrong
 * import is reported once, not once per module behind it.
 */
export function findClientLeaks(modules: readonly TGraphModule[], clientFiles: Iterable<string>): TClientLeak[] {
  const bySource = new Map(modules.map((m) => [m.source, m]));
  const leaks: TClientLeak[] = [];
  for (const client of [...clientFiles].sort()) {
    const cameFrom = new Map<string, string | null>([[client, null]]);
    const queue = [client];
    while (queue.length > 0) {
      const source = queue.shift()!;
      const module = bySource.get(source);
      if (isServerCode(module, source)) {
        const chain: string[] = [];
        for (let step: string | null = source; step !== null; step = cameFrom.get(step) ?? null) chain.unshift(step);
        leaks.push({ client, chain });
        continue;
      }
      for (const target of module ? valueImports(module) : []) {
        if (cameFrom.has(target)) continue;
        cameFrom.set(target, source);
        queue.push(target);
      }
    }
  }
  return leaks;
}
