import ELK from "elkjs/lib/elk.bundled.js";
import { describe, expect, it } from "vitest";
import { buildArgumentGraph } from "../../../domain/argument-graph";
import { computeLayout } from "../../../graph/layout";
import { layoutInputOf, WIDE_ASPECT } from "../../../graph/layout-input";
import { demoMapGraph } from "../../../graph/test/demo-map";
import { workerElk } from "../layout-worker";

describe("ELK in a worker thread", () => {
  it("lays the demo graph out exactly as ELK in this thread does, also several at once", async () => {
    const input = layoutInputOf(buildArgumentGraph(demoMapGraph()), WIDE_ASPECT);
    const here = await computeLayout(new ELK(), input);
    const [first, second] = await Promise.all([computeLayout(workerElk, input), computeLayout(workerElk, { ...input, aspect: 1 })]);
    expect(first).toEqual(here);
    expect(second).toEqual(await computeLayout(new ELK(), { ...input, aspect: 1 }));
  });

  it("rejects with ELK's reason when a graph cannot be laid out, and keeps working", async () => {
    await expect(workerElk.layout({ id: "root", children: [{ id: "a" }], edges: [{ id: "e", sources: ["a"], targets: ["missing"] }] })).rejects.toThrow(/could not be laid out/);
    const input = layoutInputOf(buildArgumentGraph(demoMapGraph(), { detail: "claims" }), WIDE_ASPECT);
    expect(Object.keys((await computeLayout(workerElk, input)).positions)).toHaveLength(14);
  });
});
