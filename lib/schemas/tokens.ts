import { z } from "zod";
import { text } from "./fields";

export const MAX_TOKEN_NAME_LENGTH = 80;

/** What a token may do: `read` only, or `write` (change what its owner may change). */
export const TOKEN_SCOPES = ["read", "write"] as const;
export type TTokenScope = (typeof TOKEN_SCOPES)[number];
export const DEFAULT_TOKEN_DAYS = 90;
export const MAX_TOKEN_DAYS = 366;

/** `POST /api/tokens`: what the new API token is for, what it may do and for how many days. */
export const ZCreateApiTokenSchema = z.strictObject({
  name: text(MAX_TOKEN_NAME_LENGTH, "A token name"),
  scope: z.enum(TOKEN_SCOPES, { error: "scope must be read or write" }).default("write"),
  expiresInDays: z.int().min(1).max(MAX_TOKEN_DAYS, `A token lasts at most ${MAX_TOKEN_DAYS} days`).default(DEFAULT_TOKEN_DAYS),
});
