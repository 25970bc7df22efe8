import { expect } from "vitest";
import { countRows } from "./actors";

/**
 * Runs a request that must be refused and checks it wrote nothing: every table a change may touch
 * has as many rows after it as before. Returns the request's answer for further checks.
 */
export async function expectNoWrites<T>(request: () => Promise<T>): Promise<T> {
  const before = await countRows();
  const result = await request();
  expect(await countRows()).toEqual(before);
  return result;
}
