import type { TDatePrecision } from "./types";

/** A publication date as the design's API spells it: "YYYY", "YYYY-MM" or "YYYY-MM-DD". */
export type TPublished = string;

const PATTERN = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;

/** Parses "YYYY" | "YYYY-MM" | "YYYY-MM-DD" into the first day it can mean and its precision. */
export function parsePublished(value: string): { date: Date; precision: TDatePrecision } | null {
  const match = PATTERN.exec(value);
  if (!match) return null;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), m ? Number(m) - 1 : 0, d ? Number(d) : 1));
  // Reject days that roll over into the next month (2023-02-30).
  if (d && date.getUTCDate() !== Number(d)) return null;
  return { date, precision: d ? "DAY" : m ? "MONTH" : "YEAR" };
}

/** Formats a stored date with only as much precision as is known. */
export function formatPublished(date: Date, precision: TDatePrecision): TPublished {
  const iso = date.toISOString().slice(0, 10);
  return precision === "YEAR" ? iso.slice(0, 4) : precision === "MONTH" ? iso.slice(0, 7) : iso;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A human label: "2008", "Sep 2022", "22 Dec 2022". */
export function labelPublished(published: TPublished): string {
  const [y, m, d] = published.split("-");
  if (!m) return y;
  const month = MONTHS[Number(m) - 1];
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}
