import fs from "node:fs";
import path from "node:path";
import { test as base, expect, request, type APIResponse, type Browser, type Page } from "@playwright/test";

export { expect };

const PASSWORD = "a long enough password";

interface TWorkerFixtures {
  /** Storage state (session cookie) of the demo owner, signed in once per worker. */
  ownerState: string;
  /** A fresh user who has joined the demo as an editor by invite link. */
  editorState: string;
  /** A fresh user who is no member of the demo (which is public, so they can read it). */
  readerState: string;
}

/**
 * Sign-in and sign-up are rate-limited (20 a minute), so the users these specs need are made
 * once per worker and their sessions reused by every test, each in its own browser context.
 */
export const test = base.extend<object, TWorkerFixtures>({
  ownerState: [
    async ({}, use, workerInfo) => {
      const baseURL = workerInfo.project.use.baseURL!;
      const api = await request.newContext({ baseURL });
      const response = await api.post("/api/auth/sign-in/email", { data: { email: "demo@stancemap.test", password: "stancemap-demo" } });
      expect(response.ok(), await response.text()).toBe(true);
      await use(await saveState(api, workerInfo, "owner"));
      await api.dispose();
    },
    { scope: "worker" },
  ],
  editorState: [
    async ({ ownerState }, use, workerInfo) => {
      const baseURL = workerInfo.project.use.baseURL!;
      const api = await joinedDemo(baseURL, ownerState, "Editor B", "EDITOR");
      await use(await saveState(api, workerInfo, "editor"));
      await api.dispose();
    },
    { scope: "worker" },
  ],
  readerState: [
    async ({}, use, workerInfo) => {
      const api = await signedUp(workerInfo.project.use.baseURL!, "Reader B");
      await use(await saveState(api, workerInfo, "reader"));
      await api.dispose();
    },
    { scope: "worker" },
  ],
});

/** A fresh user who joined the demo with `role` by an invite link the owner made (an API context with their cookie). */
export async function joinedDemo(baseURL: string, ownerState: string, name: string, role: "EDITOR" | "COMMENTER" | "VIEWER") {
  const api = await signedUp(baseURL, name);
  const owner = await request.newContext({ baseURL, storageState: ownerState, extraHTTPHeaders: { origin: baseURL } });
  const invite = await owner.post(`/api/workspaces/${DEMO}/invites`, { data: { role, maxUses: 1 } });
  expect(invite.status(), await invite.text()).toBe(201);
  const { token } = (await invite.json()) as { token: string };
  const accepted = await api.post(`/api/invites/${token}/accept`, { data: {}, headers: { origin: baseURL } });
  expect(accepted.status(), await accepted.text()).toBe(200);
  await owner.dispose();
  return api;
}

async function signedUp(baseURL: string, name: string) {
  const api = await request.newContext({ baseURL });
  const email = `${name.toLowerCase().replace(/\W+/g, "-")}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.test`;
  const response = await api.post("/api/auth/sign-up/email", { data: { name, email, password: PASSWORD } });
  expect(response.ok(), await response.text()).toBe(true);
  return api;
}

async function saveState(api: Awaited<ReturnType<typeof request.newContext>>, workerInfo: { project: { outputDir: string }; workerIndex: number }, who: string): Promise<string> {
  const file = path.join(workerInfo.project.outputDir, `.auth-${who}-${workerInfo.workerIndex}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await api.storageState({ path: file });
  return file;
}

/** A page in a browser context of its own, signed in with `state` (or anonymous). */
export async function pageAs(browser: Browser, state?: string): Promise<Page> {
  const context = await browser.newContext(state ? { storageState: state } : {});
  return context.newPage();
}

export const DEMO = "sco-debate";
export const ANTI_NATO = "The SCO is an anti-NATO bloc.";
export const ECFR_TITLE = /^Rogue NATO/;

/**
 * A write through the API with the page's session cookie. Browsers send Origin on writes by
 * themselves; Playwright's request context does not, and the server refuses cookie writes
 * without it.
 */
export function write(page: Page, method: "POST" | "PATCH" | "PUT" | "DELETE", path: string, data?: unknown): Promise<APIResponse> {
  return page.request.fetch(path, { method, data, headers: { origin: test.info().project.use.baseURL! } });
}

/** The demo's ECFR article, opened from the sources list as a reader would. */
export async function openEcfr(page: Page): Promise<string> {
  await page.goto(`/w/${DEMO}/sources`);
  await page.getByRole("link", { name: ECFR_TITLE }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ECFR_TITLE);
  return new URL(page.url()).pathname;
}

export async function expectLive(page: Page): Promise<void> {
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-status", "live");
}

/**
 * Selects the source text from the start of `from` to the end of `to` (by default the end of
 * `from`), across paragraphs if need be, the way a mouse drag would leave it: a DOM Range over the
 * rendered text nodes, then a mouseup on the text. Returns what the browser reports as selected.
 */
export async function selectPassage(page: Page, from: string, to: string = from): Promise<string> {
  return page.evaluate(
    ([from, to]) => {
      const box = document.querySelector('[data-testid="source-text"]')!;
      const nodes: Text[] = [];
      const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
      const startNode = nodes.find((n) => n.data.includes(from));
      if (!startNode) throw new Error(`"${from}" is not in one text node of the source`);
      const startAt = nodes.indexOf(startNode);
      const endNode = nodes.slice(startAt).find((n, i) => n.data.indexOf(to, i === 0 ? startNode.data.indexOf(from) : 0) !== -1);
      if (!endNode) throw new Error(`"${to}" does not follow "${from}"`);
      const range = document.createRange();
      range.setStart(startNode, startNode.data.indexOf(from));
      const endIndex = endNode === startNode ? endNode.data.indexOf(to, startNode.data.indexOf(from)) : endNode.data.indexOf(to);
      range.setEnd(endNode, endIndex + to.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      box.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
      return selection.toString();
    },
    [from, to] as const,
  );
}

/**
 * Deletes what a test made, whatever it has become meanwhile: a DELETE names the version it is
 * based on, so this sends the first one and, when the answer is 409, the current one it names.
 */
export async function remove(page: Page, path: string): Promise<APIResponse> {
  const first = await write(page, "DELETE", path, { version: 1 });
  if (first.status() !== 409) return first;
  const { error } = (await first.json()) as { error: { current: { version: number } } };
  return write(page, "DELETE", path, { version: error.current.version });
}

/** Removes an excerpt (and its evidence) made by a test, so every run starts from the seed. */
export async function deleteExcerpt(page: Page, excerptId: string): Promise<void> {
  const response = await remove(page, `/api/workspaces/${DEMO}/excerpts/${excerptId}`);
  expect([200, 404]).toContain(response.status());
}

/** `test`, with the page signed in as the demo owner. */
export const asOwner = test.extend({
  storageState: async ({ ownerState }, use) => {
    await use(ownerState);
  },
});
