import { z } from "zod";
import { CONTROVERSY_FILTERS, MATRIX_SORTS, type TMatrixFilter } from "../domain/matrix-filter";
import { ZOffsetSchema, ZPositionStanceSchema } from "./fields";
import { ZIdSchema } from "./params";

/** An empty query parameter (a filter left at "any") means no filter. */
const blank = (value: unknown) => (value === "" ? undefined : value);

/** The filter bar's choices, shared by the matrix page (as its URL) and `GET …/matrix`. */
export const ZMatrixFilterSchema = z.object({
  tag: z.preprocess(blank, z.string().trim().min(1).max(100).optional()),
  author: z.preprocess(blank, ZIdSchema.optional()),
  stance: z.preprocess(blank, ZPositionStanceSchema.optional()),
  controversy: z.preprocess(blank, z.enum(CONTROVERSY_FILTERS, { error: `controversy is one of ${CONTROVERSY_FILTERS.join(", ")}` }).optional()),
  sort: z.preprocess(blank, z.enum(MATRIX_SORTS, { error: `sort is one of ${MATRIX_SORTS.join(", ")}` }).optional()),
});

export type TMatrixFilterQuery = z.output<typeof ZMatrixFilterSchema>;

export function toMatrixFilter(query: TMatrixFilterQuery): TMatrixFilter {
  return { tag: query.tag, authorId: query.author, stance: query.stance, controversy: query.controversy, sort: query.sort };
}

/** Rows of `GET …/matrix` when the query names no `limit`: a script that wants them all says `limit=all`. */
export const MATRIX_PAGE = 50;

/** `GET …/matrix`: the filter plus a window of rows (`offset`, `limit` up to 1,000 or `all`). */
export const ZMatrixQuerySchema = ZMatrixFilterSchema.extend({
  offset: ZOffsetSchema,
  limit: z.union([z.literal("all"), z.coerce.number().int().min(1).max(1000, "limit is a number from 1 to 1000, or all")], { error: "limit is a number from 1 to 1000, or all" }).optional(),
});
