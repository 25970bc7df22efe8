import { beforeEach, describe, expect, it, vi } from "vitest";

const queryRaw = vi.fn();
// The database answering or not is what is under test: only `db()` is replaced, the rest of the
// module (Prisma's helpers, which other imports of the route use) is the real one.
vi.mock("@/lib/db/client", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/lib/db/client")>()), db: () => ({ $queryRaw: queryRaw }) }));

const { checkHealth } = await import("../check-health");
const { GET } = await import("@/app/api/health/route");

describe("checkHealth", () => {
  beforeEach(() => {
    queryRaw.mockReset();
  });

  it("is up when the database answers", async () => {
    queryRaw.mockResolvedValue([{ "?column?": 1 }]);
    expect(await checkHealth()).toEqual({ ok: true, db: "up" });
  });

  it("is down, and the route answers 503, when the database does not", async () => {
    queryRaw.mockRejectedValue(new Error("connect ECONNREFUSED 127.0.0.1:5432"));
    expect(await checkHealth()).toEqual({ ok: false, db: "down" });
    const response = await GET();
    expect(response.status).toBe(503);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.text()).toBe('{"ok":false,"db":"down"}');
  });
});
