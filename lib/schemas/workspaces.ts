import { z } from "zod";
import { text, ZRoleSchema, ZVisibilitySchema } from "./fields";
import { ZSlugSchema } from "./params";

export const MAX_WORKSPACE_TITLE_LENGTH = 200;
export const MAX_WORKSPACE_DESCRIPTION_LENGTH = 2000;
/** How many people one invite link may let in. */
export const MAX_INVITE_USES = 1000;

export const ZCreateWorkspaceSchema = z.strictObject({
  title: text(MAX_WORKSPACE_TITLE_LENGTH, "A title"),
  slug: ZSlugSchema.optional(),
  visibility: ZVisibilitySchema.default("PRIVATE"),
  description: z.string().trim().max(MAX_WORKSPACE_DESCRIPTION_LENGTH).optional(),
});

export const ZCreateInviteSchema = z.strictObject({
  role: ZRoleSchema.exclude(["OWNER"]),
  /** Hours until the link stops working (default a week, at most 90 days). */
  expiresInHours: z.int().min(1).max(24 * 90).default(24 * 7),
  maxUses: z.int().min(1).max(MAX_INVITE_USES).default(50),
});

export const ZInviteParamsSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, "Not a valid invite token") });

/** The files `POST /api/workspaces/import` reads: a native document, an AIF map, a Kialo export. */
export const IMPORT_FORMATS = ["json", "aif", "kialo"] as const;

export type TImportFormat = (typeof IMPORT_FORMATS)[number];

/** `POST /api/workspaces/import?format=&title=`. */
export const ZImportQuerySchema = z.object({
  format: z.enum(IMPORT_FORMATS, { error: `format must be one of ${IMPORT_FORMATS.join(", ")}` }).default("json"),
  /** aif and kialo: the new workspace's title (a Kialo export names its discussion itself). */
  title: z.string().trim().min(1).max(200).optional(),
});

export type TImportQuery = z.output<typeof ZImportQuerySchema>;
