import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // `server-only` guards against bundling server code into the browser; under vitest (plain
  // Node) there is no bundle to guard, so it resolves to nothing.
  "server-only": path.resolve(import.meta.dirname, "lib/testing/empty-module.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/test/**/*.test.ts", "app/**/test/**/*.test.ts", "scripts/**/test/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "**/node_modules/**"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["lib/**/test/**/*.int.test.ts", "app/**/_tests/**/*.int.test.ts"],
          environment: "node",
          globalSetup: ["lib/testing/global-setup.ts"],
          setupFiles: ["lib/testing/setup-database-env.ts"],
          // The tests export many files as one anonymous caller; the limit has tests of its own.
          env: { STANCEMAP_HEAVY_READ_LIMIT: "0" },
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // One database for the run: files run one after another so counts stay predictable.
          fileParallelism: false,
        },
      },
    ],
  },
});
