import { expect, test } from "@playwright/test";
import { DEMO, expectAccessible, fetchJson, normalise, type TMatrixBody, type TStanceName } from "./support";

interface TTimelineBody {
  authors: { id: string; shortName: string }[];
  sources: { id: string; authorId: string; published: string }[];
  claims: { id: string; text: string; marks: { sourceId: string; authorId: string; stance: TStanceName; excerptId: string | null }[] }[];
}

/** The first day a partial date can mean ("2008" → "2008-01-01"), the tests' own way of ordering dates. */
const firstDay = (published: string) => (published + "-01-01").slice(0, 10);

const LABELS: Record<string, string> = { "2008": "2008", "2021-04-29": "29 Apr 2021", "2022-09": "Sep 2022", "2022-12-22": "22 Dec 2022", "2024-07": "Jul 2024" };

test.describe("the timeline", () => {
  test("orders the authors by their sources' dates, with dates as precise as they are known", async ({ page }, testInfo) => {
    const timeline = await fetchJson<TTimelineBody>(page, `/api/workspaces/${DEMO}/timeline`);
    const name = new Map(timeline.authors.map((a) => [a.id, a.shortName]));
    const byDate = [...timeline.sources].sort((a, b) => firstDay(a.published).localeCompare(firstDay(b.published)));
    expect(byDate.map((s) => name.get(s.authorId))).toEqual(["Katz", "Nurimbetov", "ECFR", "Harding", "The Diplomat"]);

    await page.goto(`/w/${DEMO}/timeline`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("How positions moved over time");
    const lists = page.getByTestId("timeline-list");
    await expect(lists).toHaveCount(timeline.claims.length);
    for (let i = 0; i < timeline.claims.length; i++) {
      const entries = lists.nth(i).getByTestId("timeline-entry");
      expect(await entries.evaluateAll((els) => els.map((el) => el.getAttribute("data-author-id")))).toEqual(byDate.map((s) => s.authorId));
      expect((await entries.locator("time").allTextContents()).map(normalise)).toEqual(byDate.map((s) => LABELS[s.published]));
    }

    const chart = page.getByTestId("timeline-chart");
    if (testInfo.project.name === "phone") {
      // A vertical list, not a squashed axis.
      await expect(chart).toBeHidden();
      const boxes = await Promise.all([0, 1, 2, 3, 4].map(async (i) => (await lists.first().getByTestId("timeline-entry").nth(i).boundingBox())!));
      boxes.slice(1).forEach((box, i) => {
        expect(box.y).toBeGreaterThan(boxes[i].y + boxes[i].height - 1);
        expect(Math.abs(box.x - boxes[i].x)).toBeLessThan(2);
      });
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    } else {
      // On the axis, left to right in date order: year ticks 2008 → 2024, marks placed at their dates.
      await expect(chart).toBeVisible();
      expect((await chart.getByTestId("timeline-tick").allTextContents())[0]).toBe("2008");
      expect((await chart.getByTestId("timeline-tick").allTextContents()).at(-1)).toBe("2024");
      const row = chart.getByTestId("timeline-row").first();
      const marks = await row.getByTestId("timeline-mark").evaluateAll((els) =>
        els.map((el) => ({ author: el.getAttribute("data-author-id"), precision: el.getAttribute("data-precision"), ...el.getBoundingClientRect().toJSON() })),
      );
      const ordered = [...marks].sort((a, b) => a.x + a.width / 2 - (b.x + b.width / 2));
      expect(ordered.map((m) => m.author)).toEqual(byDate.map((s) => s.authorId));
      // A year is a wide bar, a month a narrow one, a day a dot.
      const katz = marks.find((m) => name.get(m.author!) === "Katz")!;
      const ecfr = marks.find((m) => name.get(m.author!) === "ECFR")!;
      expect([katz.precision, ecfr.precision]).toEqual(["YEAR", "MONTH"]);
      expect(katz.width).toBeGreaterThan(ecfr.width * 5);
      expect(marks.find((m) => name.get(m.author!) === "Harding")!.precision).toBe("DAY");
    }
  });

  test("a claim picked by keyboard shows each source's stance and links to its quote", async ({ page }) => {
    const matrix = await fetchJson<TMatrixBody>(page, `/api/workspaces/${DEMO}/matrix`);
    const first = matrix.claims[0];
    await page.goto(`/w/${DEMO}/timeline`);
    const picker = page.getByRole("combobox", { name: "Claim" });
    await picker.focus();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Show" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/timeline\\?claim=${first.id}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(first.text);

    const timeline = await fetchJson<TTimelineBody>(page, `/api/workspaces/${DEMO}/timeline?claim=${first.id}`);
    const entries = page.getByTestId("timeline-entry");
    await expect(entries).toHaveCount(timeline.sources.length);
    expect(await entries.evaluateAll((els) => els.map((el) => el.getAttribute("data-stance")))).toEqual(timeline.claims[0].marks.map((m) => m.stance));
    // The overall position is shown too, as the matrix has it.
    for (const mark of timeline.claims[0].marks) {
      const entry = page.locator(`[data-testid="timeline-entry"][data-author-id="${mark.authorId}"]`);
      const overall = matrix.claims[0].positions[mark.authorId].stance;
      await expect(entry).toContainText(new RegExp(`Overall.*: ${overall[0]}${overall.slice(1).toLowerCase()}`));
    }

    const withQuote = timeline.claims[0].marks.find((m) => m.excerptId)!;
    const link = page.locator(`[data-testid="timeline-entry"][data-author-id="${withQuote.authorId}"]`).getByTestId("timeline-quote-link");
    await expect(link).toHaveAttribute("href", `/w/${DEMO}/sources/${withQuote.sourceId}#excerpt-${withQuote.excerptId}`);
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/sources/${withQuote.sourceId}#excerpt-${withQuote.excerptId}$`));
    await expect(page.locator(`[data-testid="excerpt-highlight"][data-excerpt-id="${withQuote.excerptId}"]`).first()).toBeVisible();
  });

  test("a long map shows a first page of claims and more on request", async ({ page }) => {
    await page.goto(`/w/${DEMO}/timeline?rows=3`);
    await expect(page.getByTestId("timeline-list")).toHaveCount(3);
    const more = page.getByTestId("timeline-more");
    await expect(more).toContainText(/Showing the first 3 of 1\d claims/);
    await more.getByRole("link").click();
    await expect(page.getByTestId("timeline-more")).toHaveCount(0);
    expect(await page.getByTestId("timeline-list").count()).toBeGreaterThanOrEqual(10);
  });

  test("has no serious accessibility violations", async ({ page }) => {
    await page.goto(`/w/${DEMO}/timeline`);
    await expect(page.getByTestId("timeline-list").first()).toBeVisible();
    await expectAccessible(page);
  });
});
