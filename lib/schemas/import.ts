/** A whole workspace in one document (Stancemap, AIF or Kialo): large, but at most this many bytes. */
export const MAX_IMPORT_BYTES = 40 * 1024 * 1024;
