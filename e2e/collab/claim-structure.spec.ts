import { asOwner, DEMO, expect, write, remove } from "./support";

asOwner.describe("claim structure", () => {
  asOwner("an editor links two claims, unlinks them, and moves a claim in the order", async ({ page }) => {
    const first = await (await write(page, "POST", `/api/workspaces/${DEMO}/claims`, { text: "Summits are mostly symbolic." })).json();
    const second = await (await write(page, "POST", `/api/workspaces/${DEMO}/claims`, { text: "Symbolism has real effects." })).json();
    try {
      await page.goto(`/w/${DEMO}/claims/${second.id}`);
      const form = page.getByTestId("claim-link-form");
      await form.getByLabel("Link").selectOption("out:OPPOSES");
      await form.getByLabel("Other claim").selectOption(first.id);
      await form.getByRole("button", { name: "Add link" }).click();
      const link = page.getByTestId("claim-link");
      await expect(link).toHaveCount(1);
      await expect(link).toHaveAttribute("data-relation", "OPPOSES");
      await expect(link).toContainText("Summits are mostly symbolic.");

      await page.goto(`/w/${DEMO}/claims/${first.id}`);
      await expect(page.getByTestId("claim-link")).toHaveAttribute("data-direction", "in");
      await page.getByTestId("claim-unlink").click();
      await expect(page.getByTestId("claim-link")).toHaveCount(0);

      // The last claim moves up one place: it swaps with the one before it in the matrix.
      await page.goto(`/w/${DEMO}/claims/${second.id}`);
      const order = page.getByTestId("claim-order");
      const position = Number((await order.textContent())!.match(/Claim (\d+) of/)![1]);
      await page.getByTestId("claim-move-up").click();
      await expect(order).toContainText(`Claim ${position - 1} of`);
      await page.goto(`/w/${DEMO}/matrix`);
      const rows = page.getByTestId("matrix-row");
      await expect(rows.nth(position - 2)).toHaveAttribute("data-claim-id", second.id);
      await expect(rows.nth(position - 1)).toHaveAttribute("data-claim-id", first.id);
    } finally {
      await remove(page, `/api/workspaces/${DEMO}/claims/${first.id}`);
      await remove(page, `/api/workspaces/${DEMO}/claims/${second.id}`);
    }
  });
});
