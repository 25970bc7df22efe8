import { expect, test, type Page } from "@playwright/test";

const DEMO = "sco-debate";

/** Collects what the browser reports as blocked by the Content-Security-Policy. */
function watchViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test.describe("security headers", () => {
  test("pages run under a nonce policy with nothing blocked, and hydrate", async ({ page }) => {
    const violations = watchViolations(page);
    const response = await page.goto(`/w/${DEMO}/matrix`);
    const headers = response!.headers();
    expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"]).toContain("camera=()");
    // Hydrated: the live stream connects, which only the page's scripts do.
    await expect(page.getByTestId("live-status")).toHaveAttribute("data-status", "live");
    // The graph lays itself out in a Web Worker, which the policy must allow.
    await page.goto(`/w/${DEMO}/graph`);
    await expect(page.getByTestId("graph-canvas")).toHaveAttribute("data-layout", "done", { timeout: 15_000 });
    await page.goto("/sign-in");
    await expect(page.getByRole("button", { name: /sign in/i })).toBeEnabled();
    expect(violations).toEqual([]);
  });

  test("each page gets its own nonce; API answers and exports forbid everything", async ({ request }) => {
    const [first, second] = await Promise.all([request.get(`/w/${DEMO}`), request.get(`/w/${DEMO}`)]);
    const nonceOf = (policy: string | undefined) => /'nonce-([^']+)'/.exec(policy ?? "")?.[1];
    expect(nonceOf(first.headers()["content-security-policy"])).toBeTruthy();
    expect(nonceOf(first.headers()["content-security-policy"])).not.toBe(nonceOf(second.headers()["content-security-policy"]));
    const html = await first.text();
    expect(html).toContain(`nonce="${nonceOf(first.headers()["content-security-policy"])}"`);

    const api = await request.get(`/api/workspaces/${DEMO}/matrix`);
    expect(api.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'; sandbox");
    expect(api.headers()["x-content-type-options"]).toBe("nosniff");
    const svg = await request.get(`/api/workspaces/${DEMO}/export?format=svg`);
    expect(svg.headers()["content-security-policy"]).toContain("sandbox");
    expect(svg.headers()["content-disposition"]).toMatch(/attachment/);
  });
});
