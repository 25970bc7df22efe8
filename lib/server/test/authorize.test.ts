import { describe, expect, it } from "vitest";
import { isAllowed, type TAction } from "../authorize";
import { ROLES, VISIBILITIES } from "../../domain/types";

const ACTIONS: TAction[] = ["read", "comment", "edit", "admin"];

describe("isAllowed", () => {
  it("lets outsiders only read public and link-shared workspaces", () => {
    expect(isAllowed(null, "PUBLIC", "read")).toBe(true);
    expect(isAllowed(null, "LINK", "read")).toBe(true);
    expect(isAllowed(null, "PRIVATE", "read")).toBe(false);
    for (const visibility of VISIBILITIES) {
      for (const action of ["comment", "edit", "admin"] as const) expect(isAllowed(null, visibility, action)).toBe(false);
    }
  });

  it("grants each role exactly its actions, whatever the visibility", () => {
    const expected: Record<(typeof ROLES)[number], TAction[]> = {
      OWNER: ["read", "comment", "edit", "admin"],
      EDITOR: ["read", "comment", "edit"],
      COMMENTER: ["read", "comment"],
      VIEWER: ["read"],
    };
    for (const role of ROLES) {
      for (const visibility of VISIBILITIES) {
        expect(ACTIONS.filter((action) => isAllowed(role, visibility, action)), `${role} in ${visibility}`).toEqual(expected[role]);
      }
    }
  });
});
