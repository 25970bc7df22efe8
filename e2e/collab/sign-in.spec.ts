import { DEMO, expect, test } from "./support";

test.describe("signing up, out and in", () => {
  test("a reader creates an account from a workspace page, signs out, and signs back in to the same page", async ({ page }) => {
    const email = `reader-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.test`;
    const password = "a long enough password";

    await page.goto(`/w/${DEMO}/matrix`);
    await page.getByTestId("sign-in-link").click();
    await expect(page).toHaveURL(new RegExp(`/sign-in\\?next=${encodeURIComponent(`/w/${DEMO}/matrix`)}$`));
    await page.getByRole("link", { name: "Create an account" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Create an account");

    await page.getByLabel("Name").fill("Seminar Reader");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByTestId("auth-error")).toHaveText(/at least 8 characters/);

    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(new RegExp(`/w/${DEMO}/matrix$`));
    await expect(page.getByTestId("user-name")).toHaveText("Seminar Reader");

    await page.getByTestId("sign-out").click();
    await expect(page.getByTestId("sign-in-link")).toBeVisible();
    await expect(page.getByTestId("user-name")).toHaveCount(0);

    await page.getByTestId("sign-in-link").click();
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("auth-error")).toHaveText("That email and password do not match an account. Check them and try again.");

    // Keyboard only: the password field, then Enter submits.
    await page.getByLabel("Password").fill(password);
    await page.getByLabel("Password").press("Enter");
    await expect(page).toHaveURL(new RegExp(`/w/${DEMO}/matrix$`));
    await expect(page.getByTestId("user-name")).toHaveText("Seminar Reader");
  });

  test("a sign-in link cannot send anyone to another site", async ({ page }) => {
    await page.goto("/sign-in?next=//evil.example/steal");
    await page.getByLabel("Email").fill("demo@stancemap.test");
    await page.getByLabel("Password").fill("stancemap-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("user-name")).toHaveText("Demo facilitator");
    expect(new URL(page.url()).pathname).toBe("/");
  });
});
