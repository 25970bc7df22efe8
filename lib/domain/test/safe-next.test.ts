import { describe, expect, it } from "vitest";
import { safeNext } from "@/lib/domain/safe-next";

describe("safeNext", () => {
  it("keeps a path on this site, with its query", () => {
    expect(safeNext("/w/sco-debate/matrix?tag=energy")).toBe("/w/sco-debate/matrix?tag=energy");
    expect(safeNext(["/account", "/elsewhere"])).toBe("/account");
  });

  it("sends anything that could leave the site home", () => {
    for (const next of ["https://evil.example", "//evil.example", "/\\evil.example", "evil", "", undefined]) expect(safeNext(next)).toBe("/");
  });
});
