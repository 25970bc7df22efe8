import { z } from "zod";
import { EXPORT_FORMAT_NAMES, type TExportFormat } from "../export/formats";

const flag = z.enum(["1", "0", "true", "false"], { error: "use 1 or 0" }).transform((v) => v === "1" || v === "true");

/** `GET …/export?format=…` and the options some formats take. */
export const ZExportQuerySchema = z.object({
  format: z.enum(EXPORT_FORMAT_NAMES as [TExportFormat, ...TExportFormat[]], { error: `format must be one of ${EXPORT_FORMAT_NAMES.join(", ")}` }),
  /** csv: which table. */
  table: z.enum(["matrix", "evidence"], { error: "table must be matrix or evidence" }).default("matrix"),
  /** csv: start with a UTF-8 byte order mark (spreadsheet programs then read accents right). */
  bom: flag.default(false),
  /** svg, png: which view to draw. */
  view: z.enum(["matrix"], { error: "view must be matrix" }).default("matrix"),
  /** json: include the comments. */
  comments: flag.default(false),
  /** pdf: paper size. */
  paper: z.enum(["a4", "letter"], { error: "paper must be a4 or letter" }).default("a4"),
});

export type TExportQuery = z.output<typeof ZExportQuerySchema>;
