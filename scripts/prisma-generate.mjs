// `prisma generate` needs no schema engine, but the CLI tries to download one unless told where
// it is. Pointing it at a no-op binary keeps generation working on machines without access to
// Prisma's binary host. A user-provided PRISMA_SCHEMA_ENGINE_BINARY is respected.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY && existsSync("/bin/false")) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = "/bin/false";
}
const result = spawnSync("npx", ["--no-install", "prisma", "generate"], { stdio: "inherit", env, shell: process.platform === "win32" });
process.exit(result.status ?? 1);
