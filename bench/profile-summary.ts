/** A V8 CPU profile (`--cpu-prof`, or the inspector's Profiler) summarised as self time by function and by file. */
import path from "node:path";
import { fileURLToPath } from "node:url";

export interface TProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time by function and by file (node_modules by package), the top entries, with each one's share. */
export function summariseProfile(profile: TProfile, root: string, top = { functions: 15, files: 10 }): string {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const { functionName, url, lineNumber } = nodes.get(id)!.callFrame;
    const file = url.includes("node_modules/") ? url.split("node_modules/").at(-1)!.split("/")[0] : url.startsWith("file:") ? path.relative(root, fileURLToPath(url)) : url || functionName;
    const us = profile.timeDeltas[i] ?? 0;
    total += us;
    const where = `${functionName || "(anonymous)"} ${file}${url ? `:${lineNumber + 1}` : ""}`;
    byFunction.set(where, (byFunction.get(where) ?? 0) + us);
    byFile.set(file, (byFile.get(file) ?? 0) + us);
  });
  const list = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, us]) => `    ${(us / 1000).toFixed(0).padStart(6)} ms  ${((100 * us) / Math.max(total, 1)).toFixed(1).padStart(5)} %  ${k}`)
      .join("\n");
  return `  profile (${(total / 1000).toFixed(0)} ms sampled), self time by function:\n${list(byFunction, top.functions)}\n  by file:\n${list(byFile, top.files)}`;
}
