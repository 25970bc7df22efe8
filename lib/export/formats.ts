/** Every export format the API serves, with its media type and file name ending. */
export const EXPORT_FORMATS = {
  json: { mediaType: "application/json; charset=utf-8", extension: "stancemap.json", label: "Stancemap JSON (native, re-importable)" },
} as const;

export type TExportFormat = keyof typeof EXPORT_FORMATS;

export const EXPORT_FORMAT_NAMES = Object.keys(EXPORT_FORMATS) as TExportFormat[];

/** `attachment; filename=…` for a workspace's export, dated so successive downloads do not collide. */
export function exportFileName(slug: string, format: TExportFormat, date = new Date()): string {
  return `${slug}-${date.toISOString().slice(0, 10)}.${EXPORT_FORMATS[format].extension}`;
}
