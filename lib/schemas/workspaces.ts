import { z } from "zod";
import { text, ZRoleSchema, ZVersionSchema, ZVisibilitySchema } from "./fields";
import { ZIdSchema, ZSlugSchema } from "./params";

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

/** An email domain an invite link may be limited to ("university.edu"; a leading "@" is dropped). */
export const ZEmailDomainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .transform((value) => value.replace(/^@/, ""))
  .pipe(z.string().max(253, "An email domain has at most 253 characters").refine(isEmailDomain, "An email domain looks like university.edu"));

/** Labels of letters, digits and inner hyphens, a top-level label of letters: checked label by label (no backtracking). */
function isEmailDomain(value: string): boolean {
  const labels = value.split(".");
  return labels.length >= 2 && labels.every((label) => /^[a-z0-9-]{1,63}$/.test(label) && !label.startsWith("-") && !label.endsWith("-")) && /^[a-z]{2,63}$/.test(labels[labels.length - 1]);
}

export const ZCreateInviteSchema = z.strictObject({
  role: ZRoleSchema.exclude(["OWNER"]),
  /** Hours until the link stops working (default a week, at most 90 days). */
  expiresInHours: z.int().min(1).max(24 * 90).default(24 * 7),
  maxUses: z.int().min(1).max(MAX_INVITE_USES).default(50),
  /** Only accounts with an email address at this domain may join through the link. */
  emailDomain: ZEmailDomainSchema.nullish(),
});

/** `PATCH /api/workspaces/:slug`: the settings to change, with the version they were based on. */
export const ZUpdateWorkspaceSchema = z
  .strictObject({
    version: ZVersionSchema,
    title: text(MAX_WORKSPACE_TITLE_LENGTH, "A title").optional(),
    description: z.string().trim().max(MAX_WORKSPACE_DESCRIPTION_LENGTH, `A description must be at most ${MAX_WORKSPACE_DESCRIPTION_LENGTH.toLocaleString("en")} characters`).optional(),
    visibility: ZVisibilitySchema.optional(),
    slug: ZSlugSchema.optional(),
  })
  .refine((body) => body.title !== undefined || body.description !== undefined || body.visibility !== undefined || body.slug !== undefined, {
    message: "Name at least one of title, description, visibility, slug",
  });

export type TUpdateWorkspace = z.output<typeof ZUpdateWorkspaceSchema>;

/** `DELETE /api/workspaces/:slug`: the workspace's title typed out, so a delete is never a slip. */
export const ZDeleteWorkspaceSchema = z.strictObject({ confirm: z.string().max(MAX_WORKSPACE_TITLE_LENGTH + 50) });

/** `PATCH /api/workspaces/:slug/members/:userId`. */
export const ZChangeRoleSchema = z.strictObject({ role: ZRoleSchema });

/** `POST /api/workspaces/:slug/transfer`: the member who becomes an owner in the caller's place. */
export const ZTransferSchema = z.strictObject({ userId: ZIdSchema });

export const ZMemberParamsSchema = z.object({ slug: ZSlugSchema, userId: ZIdSchema });
export const ZInviteIdParamsSchema = z.object({ slug: ZSlugSchema, id: ZIdSchema });

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
