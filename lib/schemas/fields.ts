import { z } from "zod";
import { LINK_RELATIONS, POSITION_STANCES, ROLES, STANCES, VISIBILITIES, VOICES } from "../domain/types";

/** Trimmed text that must not be empty, with a length limit named in the message. */
export const text = (max: number, what: string) =>
  z
    .string({ error: `${what} must be text` })
    .trim()
    .min(1, `${what} must not be empty`)
    .max(max, `${what} must be at most ${max.toLocaleString("en")} characters`);

/** How far into a list a window may start: past any real map, short of what the database can count. */
export const MAX_OFFSET = 1_000_000;
export const ZOffsetSchema = z.coerce.number().int().min(0).max(MAX_OFFSET, `offset must be at most ${MAX_OFFSET.toLocaleString("en")}`).default(0);

/** A claim is one sentence: at most this many characters, however it arrives. */
export const MAX_CLAIM_LENGTH = 500;
export const ZClaimTextSchema = text(MAX_CLAIM_LENGTH, "A claim");
/** A note on evidence or a position, however it arrives. */
export const MAX_NOTE_LENGTH = 5000;
export const ZNoteSchema = z.string().trim().max(MAX_NOTE_LENGTH, `A note must be at most ${MAX_NOTE_LENGTH.toLocaleString("en")} characters`);
/** A passage (an excerpt's quote), and the context stored on each side of it. */
export const MAX_QUOTE_LENGTH = 20_000;
export const MAX_CONTEXT_LENGTH = 500;
export const ZTagsSchema = z.array(z.string().trim().toLowerCase().min(1).max(40, "A tag must be at most 40 characters").regex(/^[\p{L}\p{N}-]+$/u, "A tag uses letters, digits and hyphens")).max(12, "At most 12 tags");
export const ZVersionSchema = z.int().min(1, "version must be a positive integer");
export const ZStanceSchema = z.enum(STANCES, { error: `stance must be one of ${STANCES.join(", ")}` });
export const ZVoiceSchema = z.enum(VOICES, { error: `voice must be one of ${VOICES.join(", ")}` });
export const ZPositionStanceSchema = z.enum(POSITION_STANCES, { error: `stance must be one of ${POSITION_STANCES.join(", ")}` });
export const ZLinkRelationSchema = z.enum(LINK_RELATIONS, { error: `relation must be one of ${LINK_RELATIONS.join(", ")}` });
export const ZRoleSchema = z.enum(ROLES, { error: `role must be one of ${ROLES.join(", ")}` });
export const ZVisibilitySchema = z.enum(VISIBILITIES, { error: `visibility must be one of ${VISIBILITIES.join(", ")}` });
