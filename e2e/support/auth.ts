import { expect, type Page } from "@playwright/test";

/** Signs a fresh user up through the API (the cookie lands in the page's browser context). */
export async function signUp(page: Page, name: string): Promise<{ email: string; password: string }> {
  const email = `${name.toLowerCase().replace(/\W+/g, "-")}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.test`;
  const password = "a long enough password";
  const response = await page.request.post("/api/auth/sign-up/email", { data: { name, email, password } });
  expect(response.ok(), await response.text()).toBe(true);
  return { email, password };
}

/** Signs in as the demo workspace's owner (password from the README). */
export async function signInAsDemoOwner(page: Page): Promise<void> {
  const response = await page.request.post("/api/auth/sign-in/email", { data: { email: "demo@stancemap.test", password: "stancemap-demo" } });
  expect(response.ok(), await response.text()).toBe(true);
}
