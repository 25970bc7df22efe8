import { stringify } from "csv-stringify/sync";
import { neutraliseFormula } from "./to-csv";

/** One answer of a coding round, in the long form R and SPSS read. */
export interface TRoundAnswerRow {
  round: string;
  item: number;
  passage: string;
  claim: string;
  participant: string;
  answer: string;
  voice: string;
  reason: string;
  answeredAt: string;
}

const HEADER = ["round", "item", "passage", "claim", "participant", "answer", "voice", "reason", "answered_at"];

/** RFC 4180 CSV, one row per answer; a cell a spreadsheet would evaluate is made text. */
export function roundAnswersToCsv(rows: readonly TRoundAnswerRow[]): string {
  const records = rows.map((r) => [r.round, r.item, r.passage, r.claim, r.participant, r.answer, r.voice, r.reason, r.answeredAt]);
  return stringify([HEADER, ...records], { record_delimiter: "windows", cast: { string: neutraliseFormula } });
}
