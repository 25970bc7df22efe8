import { z } from "zod";
import { EXPORT_FORMAT_NAMES, EXPORT_VIEWS } from "../domain/export-formats";
import { ZIdSchema } from "./params";

const flag = z.enum(["1", "0", "true", "false"], { error: "use 1 or 0" }).transform((v) => v === "1" || v === "true");

/** An empty query parameter (the graph page's "all claims" / "any tag") means none. */
const blank = (value: unknown) => (value === "" ? undefined : value);

/** `GET …/export?format=…` and the options some formats take. */
export const ZExportQuerySchema = z
  .object({
    format: z.enum(EXPORT_FORMAT_NAMES, { error: `format must be one of ${EXPORT_FORMAT_NAMES.join(", ")}` }),
    /** csv: which table. */
    table: z.enum(["matrix", "evidence"], { error: "table must be matrix or evidence" }).default("matrix"),
    /** csv: start with a UTF-8 byte order mark (spreadsheet programs then read accents right). */
    bom: flag.default(false),
    /** svg, png: which view to draw. */
    view: z.enum(EXPORT_VIEWS, { error: `view must be ${EXPORT_VIEWS.join(" or ")}` }).default("matrix"),
    /** svg, png with view=graph: a claim and the claims linked to it, as the graph page's `?claim=`. */
    claim: z.preprocess(blank, ZIdSchema.optional()),
    /** svg, png with view=graph: the claims with this tag, as the graph page's `?tag=` (a claim wins). */
    tag: z.preprocess(blank, z.string().trim().min(1).max(100, "tag must be at most 100 characters").optional()),
    /** json: include the comments. */
    comments: flag.default(false),
    /** pdf: paper size. */
    paper: z.enum(["a4", "letter"], { error: "paper must be a4 or letter" }).default("a4"),
  })
  .superRefine((query, ctx) => {
    const graphPicture = (query.format === "svg" || query.format === "png") && query.view === "graph";
    for (const key of ["claim", "tag"] as const) {
      if (query[key] !== undefined && !graphPicture) ctx.addIssue({ code: "custom", path: [key], message: `${key} chooses part of the graph picture: use it with format=svg or png and view=graph` });
    }
  });

export type TExportQuery = z.output<typeof ZExportQuerySchema>;
