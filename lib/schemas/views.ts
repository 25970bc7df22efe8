import { z } from "zod";
import { ZOffsetSchema } from "./fields";
import { ZIdSchema } from "./params";

export const MAX_COMPARED_AUTHORS = 20;

/**
 * Author ids as the compare view's URL carries them: "id,id,…" (a plain form repeats the key
 * instead; join the values with commas first). Blanks and repeats are dropped.
 */
export function splitIdList(value: string | readonly string[] | null | undefined): string[] {
  const joined = typeof value === "string" ? value : (value ?? []).join(",");
  return [...new Set(joined.split(",").map((id) => id.trim()).filter(Boolean))];
}

/** `?authors=<id>,<id>[,…]`: at least two different author ids. */
export const ZCompareQuerySchema = z.object({
  authors: z
    .string({ error: "authors is required, e.g. ?authors=<id>,<id>" })
    .transform((value) => splitIdList(value))
    .pipe(z.array(ZIdSchema).min(2, "Choose at least two different authors").max(MAX_COMPARED_AUTHORS, `Compare at most ${MAX_COMPARED_AUTHORS} authors at once`)),
});

/**
 * `?claim=<id>` for one claim's timeline; without it every claim, or a window of them by rank
 * with `?offset=&limit=` (as on the matrix).
 */
export const ZTimelineQuerySchema = z
  .object({
    claim: ZIdSchema.optional(),
    offset: ZOffsetSchema,
    limit: z.coerce.number().int().min(1).max(1000).optional(),
  })
  .transform(({ claim, offset, limit }) => ({
    claimId: claim,
    window: limit === undefined && offset === 0 ? undefined : { offset, limit: limit ?? 1000 },
  }));
