import { describe, expect, it } from "vitest";
import { findClientLeaks, isClientSource, type TGraphModule } from "../client-reach";

const module = (source: string, ...imports: (string | [string, "type-only"])[]): TGraphModule => ({
  source,
  dependencies: imports.map((i) => (typeof i === "string" ? { resolved: i, dependencyTypes: ["local", "import"] } : { resolved: i[0], dependencyTypes: ["local", "import", "type-only"] })),
});

describe("isClientSource", () => {
  it("finds the directive as the first statement, after comments", () => {
    expect(isClientSource('"use client";\nimport x from "y";')).toBe(true);
    expect(isClientSource("'use client'\n")).toBe(true);
    expect(isClientSource('/** The matrix cell. */\n// note\n"use client";')).toBe(true);
  });

  it("ignores it anywhere else", () => {
    expect(isClientSource('import "server-only";\n"use client";')).toBe(false);
    expect(isClientSource('const a = "use client";')).toBe(false);
    expect(isClientSource('"use server";')).toBe(false);
  });
});

describe("findClientLeaks", () => {
  const graph = [
    module("app/components/cell.tsx", "app/components/quotes.tsx", ["lib/server/claims/get-claim.ts", "type-only"]),
    module("app/components/quotes.tsx", "lib/domain/dates.ts"),
    module("app/components/menu.tsx", "app/components/user.ts"),
    module("app/components/user.ts", "node_modules/server-only/index.js", "lib/server/viewer.ts"),
    module("app/components/banner.tsx", "app/components/helpers.ts"),
    module("app/components/helpers.ts", "lib/db/client.ts"),
    module("lib/db/client.ts", "lib/db/generated/client.ts"),
    module("lib/domain/dates.ts"),
  ];

  it("follows value imports only: a type from lib/server brings no code along", () => {
    expect(findClientLeaks(graph, ["app/components/cell.tsx"])).toEqual([]);
  });

  it("reports a module importing server-only, with the chain of imports to it, and stops there", () => {
    expect(findClientLeaks(graph, ["app/components/menu.tsx"])).toEqual([{ client: "app/components/menu.tsx", chain: ["app/components/menu.tsx", "app/components/user.ts"] }]);
  });

  it("reports lib/db reached through another module", () => {
    expect(findClientLeaks(graph, ["app/components/banner.tsx"])).toEqual([{ client: "app/components/banner.tsx", chain: ["app/components/banner.tsx", "app/components/helpers.ts", "lib/db/client.ts"] }]);
  });

  it("reports a client file that is server code itself", () => {
    const graphWithServerClient = [...graph, module("lib/server/oops.tsx", "lib/domain/dates.ts")];
    expect(findClientLeaks(graphWithServerClient, ["lib/server/oops.tsx"])).toEqual([{ client: "lib/server/oops.tsx", chain: ["lib/server/oops.tsx"] }]);
  });
});
