/** The vocabulary of the design, as plain types shared by every layer. */

export const STANCES = ["SUPPORTS", "OPPOSES", "QUALIFIES"] as const;
export type TStance = (typeof STANCES)[number];

export const VOICES = ["AUTHOR", "REPORTED"] as const;
export type TVoice = (typeof VOICES)[number];

export const POSITION_STANCES = ["SUPPORTS", "OPPOSES", "MIXED", "QUALIFIES", "SILENT"] as const;
export type TPositionStance = (typeof POSITION_STANCES)[number];

export const ROLES = ["OWNER", "EDITOR", "COMMENTER", "VIEWER"] as const;
export type TRole = (typeof ROLES)[number];

export const VISIBILITIES = ["PRIVATE", "LINK", "PUBLIC"] as const;
export type TVisibility = (typeof VISIBILITIES)[number];

export const DATE_PRECISIONS = ["YEAR", "MONTH", "DAY"] as const;
export type TDatePrecision = (typeof DATE_PRECISIONS)[number];

export const VOTE_CHOICES = ["AGREE", "DISAGREE", "UNSURE"] as const;
export type TVoteChoice = (typeof VOTE_CHOICES)[number];

export const LINK_RELATIONS = ["SUPPORTS", "OPPOSES"] as const;
export type TLinkRelation = (typeof LINK_RELATIONS)[number];

/** What a source's text is written in: plain text, or Markdown (drawn rendered, offsets into the Markdown). */
export const SOURCE_FORMATS = ["text", "markdown"] as const;
export type TSourceFormat = (typeof SOURCE_FORMATS)[number];

/** How a quote was placed in its source's text: verbatim, verbatim once normalised, or approximately. */
export const ANCHOR_METHODS = ["exact", "normalised", "fuzzy"] as const;
export type TAnchorMethod = (typeof ANCHOR_METHODS)[number];

/** Why an excerpt is orphaned, when a revision recorded no reason of its own. */
export const DEFAULT_ORPHAN_REASON = "the quote is no longer in the text";

/** W3C TextPositionSelector + TextQuoteSelector of one passage (UTF-16 offsets, end exclusive). */
export interface TSelector {
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}
