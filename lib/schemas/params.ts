import { z } from "zod";

/** A workspace slug: lowercase letters, digits and single hyphens. */
export const ZSlugSchema = z
  .string()
  .min(2, "A slug has at least 2 characters")
  .max(64, "A slug has at most 64 characters")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "A slug uses lowercase letters, digits and hyphens");

export const ZIdSchema = z.uuid({ message: "Not a valid id (expected a UUID)" });

export const ZWorkspaceParamsSchema = z.object({ slug: ZSlugSchema });
export const ZClaimParamsSchema = z.object({ slug: ZSlugSchema, id: ZIdSchema });
export const ZSourceParamsSchema = z.object({ slug: ZSlugSchema, id: ZIdSchema });
export const ZEntityParamsSchema = z.object({ slug: ZSlugSchema, id: ZIdSchema });
