/**
 * Anchoring reads a source's text through a memory of texts by row stamp: whatever changes the
 * row — an edit that bumps its version or a bare UPDATE that does not — must be seen by the next
 * write at once, and a removed source must stop accepting excerpts.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { createActor, type TActor } from "../../../testing/actors";
import { call } from "../../../testing/call";
import { POST as createExcerpt } from "../../../../app/api/workspaces/[slug]/excerpts/route";
import { POST as createSource } from "../../../../app/api/workspaces/[slug]/sources/route";

const SLUG = "sco-debate";
const params = { slug: SLUG };
let editor: TActor;

beforeAll(async () => {
  editor = await createActor(SLUG, "EDITOR", "Anchorer");
});

async function newSource(text: string): Promise<string> {
  const created = await call(createSource, { method: "POST", params, body: { title: `Cache test ${Date.now()}`, author: { name: "Cache Tester" }, published: "2020", text }, headers: editor.headers });
  expect(created.status).toBe(201);
  return created.body.id;
}

const excerptOf = (sourceId: string, exact: string) =>
  call(createExcerpt, { method: "POST", params, body: { sourceId, selector: { exact } }, headers: editor.headers });

describe("the source text used for anchoring", () => {
  it("follows an UPDATE of the text that leaves the version alone", async () => {
    const sourceId = await newSource("The first wording speaks of a talk shop.");
    expect((await excerptOf(sourceId, "talk shop")).status).toBe(201);

    const second = "The second wording speaks of a security bloc.";
    await db().$executeRaw`update "Source" set text = ${second} where id = ${sourceId}::uuid`;
    const stale = await excerptOf(sourceId, "first wording");
    expect(stale.status).toBe(422);
    const fresh = await excerptOf(sourceId, "security bloc");
    expect(fresh.status).toBe(201);
    const at = second.indexOf("security bloc");
    expect(fresh.body).toMatchObject({ start: at, end: at + "security bloc".length, exact: "security bloc", prefix: second.slice(0, at) });
    await db().source.update({ where: { id: sourceId }, data: { deletedAt: new Date() } });
  });

  it("anchors a quote where the changed text has it, not where the text read before had it", async () => {
    const sourceId = await newSource("Observers call the SCO a talk shop; the SCO disagrees.");
    expect((await excerptOf(sourceId, "Observers")).status).toBe(201);

    const changed = "Some say it is more than a talk shop, and most observers agree.";
    await db().$executeRaw`update "Source" set text = ${changed} where id = ${sourceId}::uuid`;
    const moved = await excerptOf(sourceId, "talk shop");
    expect(moved.status).toBe(201);
    expect(moved.body).toMatchObject({ start: changed.indexOf("talk shop"), suffix: changed.slice(changed.indexOf("talk shop") + 9, changed.indexOf("talk shop") + 9 + 32) });
    await db().source.update({ where: { id: sourceId }, data: { deletedAt: new Date() } });
  });

  it("follows an edit that bumps the version", async () => {
    const sourceId = await newSource("Before the edit: consensus.");
    expect((await excerptOf(sourceId, "consensus")).status).toBe(201);

    await db().source.update({ where: { id: sourceId }, data: { text: "After the edit: rivalry.", version: { increment: 1 } } });
    expect((await excerptOf(sourceId, "consensus")).status).toBe(422);
    expect((await excerptOf(sourceId, "rivalry")).body).toMatchObject({ start: "After the edit: ".length, exact: "rivalry" });
    await db().source.update({ where: { id: sourceId }, data: { deletedAt: new Date() } });
  });

  it("answers 404 once the source is removed, though its text was read before", async () => {
    const sourceId = await newSource("A source about to be removed.");
    expect((await excerptOf(sourceId, "about to be")).status).toBe(201);
    await db().source.update({ where: { id: sourceId }, data: { deletedAt: new Date() } });
    const gone = await excerptOf(sourceId, "removed");
    expect(gone).toEqual({ status: 404, body: { error: { code: "NOT_FOUND", message: "Source was not found." } } });
  });
});
