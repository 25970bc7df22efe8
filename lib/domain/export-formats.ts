/**
 * The names of the export formats and picture views, on their own so the request schema
 * (lib/schemas) and the writers (lib/export) can share them without the schema depending on the
 * writers. Media types, file names and the download menu are lib/export's (`formats.ts`).
 */

/** Every export format the API serves, in the order error messages and documentation list them. */
export const EXPORT_FORMAT_NAMES = ["json", "aif", "argdown", "annotations", "csv", "markdown", "svg", "png", "pdf"] as const;

export type TExportFormat = (typeof EXPORT_FORMAT_NAMES)[number];

/** What the picture formats (svg, png) can draw: `&view=`. */
export const EXPORT_VIEWS = ["matrix", "graph"] as const;

export type TExportView = (typeof EXPORT_VIEWS)[number];
