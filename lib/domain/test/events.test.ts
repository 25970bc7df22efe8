import { describe, expect, it } from "vitest";
import { EVENT_CATALOG, EVENT_TYPES, eventSpec, eventTypesWhere, isEventType, undoTypeOf, type TEventSpec, type TEventType } from "../events";

const ENTITIES = new Set(["workspace", "claim", "link", "source", "author", "excerpt", "evidence", "position", "comment", "invite", "member", "vote", "poll", "seminar", "round"]);
const UNDO_KINDS = new Set(["delete", "restore", "revert", "reorder", "split"]);
/** Types whose first word is not their entity: reordering is a change to the workspace's list. */
const PREFIX_EXCEPTIONS: Partial<Record<TEventType, string>> = { "claims.reordered": "workspace" };

describe("the event catalog", () => {
  it.each(EVENT_TYPES)("%s answers every question the app asks of an event", (type) => {
    const spec: TEventSpec = EVENT_CATALOG[type];
    expect(Object.keys(spec).sort()).toEqual(["access", "entity", "history", "ownersOnly", "privateActor", "quiet", "tally", "undo"]);
    expect(ENTITIES.has(spec.entity)).toBe(true);
    expect(typeof spec.quiet).toBe("boolean");
    expect(typeof spec.tally).toBe("boolean");
    expect(typeof spec.privateActor).toBe("boolean");
    expect(typeof spec.ownersOnly).toBe("boolean");
    expect(typeof spec.access).toBe("boolean");
    expect(spec.undo === null || UNDO_KINDS.has(spec.undo)).toBe(true);
    expect(spec.history === null || (typeof spec.history === "string" && spec.history.trim().length > 0)).toBe(true);
    expect(type).toMatch(/^[a-z]+\.[a-z]+$/);
    expect(PREFIX_EXCEPTIONS[type] ?? type.split(".")[0]).toBe(spec.entity);
  });

  it.each(eventTypesWhere((spec) => spec.undo !== null))("undoing %s records a known event of the same entity", (type) => {
    const undoType = undoTypeOf(type);
    expect(undoType).not.toBeNull();
    expect(EVENT_CATALOG[undoType!].entity).toBe(EVENT_CATALOG[type].entity);
  });

  it("maps each undo to the inverse change", () => {
    expect(undoTypeOf("claim.created")).toBe("claim.deleted");
    expect(undoTypeOf("claim.deleted")).toBe("claim.restored");
    expect(undoTypeOf("evidence.updated")).toBe("evidence.updated");
    expect(undoTypeOf("claims.reordered")).toBe("claims.reordered");
    expect(undoTypeOf("source.updated")).toBe("source.updated");
    expect(undoTypeOf("source.deleted")).toBe("source.restored");
    expect(undoTypeOf("author.merged")).toBe("author.split");
    expect(undoTypeOf("excerpt.reattached")).toBe("excerpt.updated");
    expect(undoTypeOf("comment.created")).toBeNull();
    expect(undoTypeOf("vote.cast")).toBeNull();
  });

  it("keeps votes and ballots quiet, out of the history and without their actor", () => {
    const votes = eventTypesWhere((spec) => spec.tally).sort();
    expect(votes).toEqual(["poll.ballot", "vote.cast", "vote.withdrawn"]);
    for (const type of votes) expect(EVENT_CATALOG[type]).toMatchObject({ quiet: true, history: null, privateActor: true });
    // A private actor's change must not appear in the history, which names who did what.
    for (const type of eventTypesWhere((spec) => spec.privateActor)) expect(EVENT_CATALOG[type].history).toBeNull();
  });

  it("leaves the seminar's traffic out of the history and keeps map changes in it", () => {
    expect(eventTypesWhere((spec) => spec.history === null).sort()).toEqual(
      ["poll.ballot", "poll.closed", "poll.hidden", "poll.opened", "poll.revealed", "round.answered", "seminar.steered", "vote.cast", "vote.withdrawn"],
    );
    for (const type of eventTypesWhere((spec) => spec.undo !== null)) expect(EVENT_CATALOG[type].history).not.toBeNull();
  });

  it("keeps a coding round's answers quiet, out of the history and without their actor, off the tallies", () => {
    expect(EVENT_CATALOG["round.answered"]).toEqual({ entity: "round", quiet: true, tally: false, undo: null, history: null, privateActor: true, ownersOnly: false, access: false });
    expect(EVENT_CATALOG["round.closed"]).toMatchObject({ quiet: false, privateActor: false });
  });

  it("keeps membership and invite links to the owners, and re-checks access on what may change it", () => {
    expect(eventTypesWhere((spec) => spec.ownersOnly).sort()).toEqual(
      ["invite.created", "invite.revoked", "member.joined", "member.left", "member.removed", "member.updated", "workspace.transferred"],
    );
    for (const type of eventTypesWhere((spec) => spec.entity === "member")) expect(EVENT_CATALOG[type]).toMatchObject({ ownersOnly: true, access: true });
    expect(eventTypesWhere((spec) => spec.access && spec.entity === "workspace").sort()).toEqual(["workspace.deleted", "workspace.restored", "workspace.transferred", "workspace.updated"]);
    // An owners-only change is in the owners' history, so it is never undoable by a member.
    for (const type of eventTypesWhere((spec) => spec.ownersOnly)) expect(EVENT_CATALOG[type]).toMatchObject({ undo: null, quiet: false });
  });

  it("tells a known type from an unknown one", () => {
    expect(isEventType("claim.created")).toBe(true);
    expect(isEventType("claim.exploded")).toBe(false);
    expect(isEventType("toString")).toBe(false);
    expect(eventSpec("claim.exploded")).toBeNull();
    expect(eventSpec("claim.updated")?.entity).toBe("claim");
  });
});
