import { z } from "zod";
import { SEARCH_KINDS } from "../domain/search";

export const SEARCH_QUERY_MAX = 200;
export const SEARCH_LIMIT_DEFAULT = 10;
export const SEARCH_LIMIT_MAX = 50;

/** `?q=…&kind=…&limit=…` of the search API (and of the search page). */
export const ZSearchQuerySchema = z.object({
  q: z
    .string({ error: "Send what to search for as q, e.g. ?q=talk+shop" })
    .trim()
    .min(1, "Type a word or phrase to search for (q must not be blank)")
    .max(SEARCH_QUERY_MAX, `A search is at most ${SEARCH_QUERY_MAX} characters`),
  kind: z.enum(SEARCH_KINDS, { error: `kind must be one of ${SEARCH_KINDS.join(", ")}` }).optional(),
  limit: z.coerce
    .number({ error: "limit must be a number" })
    .int("limit must be a whole number")
    .min(1, "limit must be at least 1")
    .max(SEARCH_LIMIT_MAX, `limit must be at most ${SEARCH_LIMIT_MAX}`)
    .default(SEARCH_LIMIT_DEFAULT),
});
export type TSearchQuery = z.output<typeof ZSearchQuerySchema>;

export const SUGGESTIONS_PER_AUTHOR_DEFAULT = 3;

/** `?perAuthor=` of the suggested-passages API. */
export const ZSuggestionsQuerySchema = z.object({
  perAuthor: z.coerce
    .number({ error: "perAuthor must be a number" })
    .int("perAuthor must be a whole number")
    .min(1, "perAuthor must be at least 1")
    .max(10, "perAuthor must be at most 10")
    .default(SUGGESTIONS_PER_AUTHOR_DEFAULT),
});
