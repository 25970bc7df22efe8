import type { TAnchoring } from "@/lib/anchoring/anchor-quote";
import type { TStance, TVoice } from "@/lib/domain/types";

export interface TReaderEvidence {
  id: string;
  claimId: string;
  claimText: string;
  stance: TStance;
  voice: TVoice;
  note: string | null;
  /** Edits and deletes send it, so that a stale one is refused. */
  version: number;
}

export interface TReaderExcerpt {
  id: string;
  start: number;
  end: number;
  /** A delete sends it, so that a stale one is refused. */
  version: number;
  /** How the quote was placed: an approximate placement is drawn and described as such. */
  anchoring?: TAnchoring;
  evidence: TReaderEvidence[];
}

/** A span of the text named by `#at-<start>-<end>` (a search hit), drawn as one more run. */
export interface TTargetSpan {
  id: "at";
  start: number;
  end: number;
}

/** What a run of the text may lie under: excerpts, and the span the address points at. */
export type TRun = TReaderExcerpt | TTargetSpan;

export const isExcerpt = (run: TRun): run is TReaderExcerpt => "evidence" in run;
