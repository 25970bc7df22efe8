import { describe, expect, it } from "vitest";
import { EXPORT_FORMAT_NAMES } from "@/lib/domain/export-formats";
import { EXPORT_FORMATS, exportFileName } from "@/lib/export/formats";
import { ZExportQuerySchema } from "@/lib/schemas/export";

describe("the export formats, named in lib/domain", () => {
  it("are the formats the query accepts, listed in one order in its error", () => {
    for (const format of EXPORT_FORMAT_NAMES) expect(ZExportQuerySchema.safeParse({ format }).success).toBe(true);
    const wrong = ZExportQuerySchema.safeParse({ format: "docx" });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0].message).toBe("format must be one of json, aif, argdown, annotations, csv, markdown, svg, png, pdf");
  });

  it("each have a media type and a file name ending", () => {
    expect(Object.keys(EXPORT_FORMATS).sort()).toEqual([...EXPORT_FORMAT_NAMES].sort());
    expect(exportFileName("sco-debate", "json", { date: new Date("2026-03-01T12:00:00Z") })).toBe("sco-debate-2026-03-01.stancemap.json");
    expect(EXPORT_FORMATS.pdf.mediaType).toBe("application/pdf");
  });
});
