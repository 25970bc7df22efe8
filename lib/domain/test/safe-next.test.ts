import { describe, expect, it } from "vitest";
import { safeNext } from "../safe-next";

describe("safeNext", () => {
  it("keeps a path of this site, with its query and fragment", () => {
    expect(safeNext("/w/sco-debate/matrix?tag=security#claim-1")).toBe("/w/sco-debate/matrix?tag=security#claim-1");
    expect(safeNext(["/account", "/other"])).toBe("/account");
  });

  it.each([
    "//evil.com",
    "/\\evil.com",
    "/\t/evil.com",
    "/\n/evil.com",
    "/\r\n/evil.com",
    "\t//evil.com",
    "https://evil.com/",
    "javascript:alert(1)",
    "/\\/evil.com",
    "",
  ])("sends %j home instead of to another site", (next) => {
    expect(safeNext(next)).toBe("/");
  });

  it("normalises what it keeps, so the browser goes where the check said", () => {
    expect(safeNext("/w/../account")).toBe("/account");
    expect(safeNext("/w/a b")).toBe("/w/a%20b");
    expect(safeNext(undefined)).toBe("/");
  });
});
