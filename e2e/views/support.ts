import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const DEMO = "sco-debate";

export type TStanceName = "SUPPORTS" | "OPPOSES" | "MIXED" | "QUALIFIES" | "SILENT";

export interface TMatrixBody {
  authors: { id: string; name: string; shortName: string; published: string }[];
  claims: { id: string; text: string; positions: Record<string, { stance: TStanceName; evidenceCount: number; explicit: boolean }> }[];
}

export async function fetchJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  expect(response.ok(), await response.text()).toBe(true);
  return (await response.json()) as T;
}

export const authorId = (matrix: TMatrixBody, shortName: string) => matrix.authors.find((a) => a.shortName === shortName)!.id;

/** The page has no serious or critical accessibility violations (axe-core). */
export async function expectAccessible(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`)).toEqual([]);
}

export function normalise(text: string | null): string {
  return (text ?? "").replace(/\s+/g, " ").trim();
}
