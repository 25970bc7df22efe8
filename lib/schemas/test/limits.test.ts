import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { MAX_CLAIM_LENGTH, MAX_NOTE_LENGTH, ZClaimTextSchema, ZNoteSchema } from "../fields";
import { MAX_AUTHOR_NAME_LENGTH, MAX_AUTHOR_SHORT_NAME_LENGTH, MAX_PUBLICATION_LENGTH, MAX_SOURCE_TITLE_LENGTH, ZCreateSourceSchema } from "../sources";
import { MAX_TOKEN_NAME_LENGTH, ZCreateApiTokenSchema } from "../tokens";
import { MAX_INVITE_USES, MAX_WORKSPACE_DESCRIPTION_LENGTH, MAX_WORKSPACE_TITLE_LENGTH, ZCreateInviteSchema, ZCreateWorkspaceSchema } from "../workspaces";

const source = { title: "T", author: { name: "A" }, published: "2022", text: "x" };

/** The forms set `maxLength` from these constants: each must be exactly the schema's limit. */
const limits: [string, number, z.ZodType, (value: string) => unknown][] = [
  ["claim text", MAX_CLAIM_LENGTH, ZClaimTextSchema, (v) => v],
  ["note", MAX_NOTE_LENGTH, ZNoteSchema, (v) => v],
  ["source title", MAX_SOURCE_TITLE_LENGTH, ZCreateSourceSchema, (v) => ({ ...source, title: v })],
  ["author name", MAX_AUTHOR_NAME_LENGTH, ZCreateSourceSchema, (v) => ({ ...source, author: { name: v } })],
  ["author short name", MAX_AUTHOR_SHORT_NAME_LENGTH, ZCreateSourceSchema, (v) => ({ ...source, author: { name: "A", shortName: v } })],
  ["publication", MAX_PUBLICATION_LENGTH, ZCreateSourceSchema, (v) => ({ ...source, publication: v })],
  ["workspace title", MAX_WORKSPACE_TITLE_LENGTH, ZCreateWorkspaceSchema, (v) => ({ title: v })],
  ["workspace description", MAX_WORKSPACE_DESCRIPTION_LENGTH, ZCreateWorkspaceSchema, (v) => ({ title: "W", description: v })],
  ["token name", MAX_TOKEN_NAME_LENGTH, ZCreateApiTokenSchema, (v) => ({ name: v })],
];

describe("the limits the forms show", () => {
  it.each(limits)("%s: %i characters pass, one more is refused", (_what, max, schema, input) => {
    expect(schema.safeParse(input("x".repeat(max))).success).toBe(true);
    expect(schema.safeParse(input("x".repeat(max + 1))).success).toBe(false);
  });

  it("an invite admits at most MAX_INVITE_USES people", () => {
    expect(ZCreateInviteSchema.safeParse({ role: "EDITOR", maxUses: MAX_INVITE_USES }).success).toBe(true);
    expect(ZCreateInviteSchema.safeParse({ role: "EDITOR", maxUses: MAX_INVITE_USES + 1 }).success).toBe(false);
  });
});
