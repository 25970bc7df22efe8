/**
 * `npm run check:architecture`: the layers of docs/ARCHITECTURE.md, held by dependency-cruiser.
 * The rules live in `.dependency-cruiser.cjs`; this script runs them over the code and adds the
 * one check a rule there cannot express: no `"use client"` file reaches server code along value
 * imports (scripts/architecture/client-reach.ts). Exits 1 on any violation, naming each.
 *
 * dependency-cruiser is driven through its API rather than its `depcruise` command, whose start
 * refuses Node 20 (the API runs on it).
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { cruise, format, type ICruiseResult } from "dependency-cruiser";
import extractDepcruiseOptions from "dependency-cruiser/config-utl/extract-depcruise-options";
import extractTSConfig from "dependency-cruiser/config-utl/extract-ts-config";
import { findClientLeaks, isClientSource } from "./architecture/client-reach";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** Everything written in TypeScript, so cycles and stray imports are seen wherever they start. */
const ROOTS = ["app", "lib", "scripts", "bench", "e2e"];

async function main(): Promise<number> {
  process.chdir(ROOT);
  const options = await extractDepcruiseOptions("./.dependency-cruiser.cjs");
  const tsConfig = extractTSConfig(options.tsConfig?.fileName ?? "tsconfig.json");
  const { output } = await cruise(ROOTS, options, {}, { tsConfig });
  const result = output as ICruiseResult;

  const ruleReport = await format(result, { outputType: "err-long" });
  const clientFiles = result.modules.map((m) => m.source).filter((source) => /^(app|lib)\/.*\.tsx?$/.test(source) && isClientSource(fs.readFileSync(source, "utf8")));
  const leaks = findClientLeaks(result.modules, clientFiles);

  if (ruleReport.exitCode !== 0) process.stdout.write(String(ruleReport.output));
  for (const leak of leaks) {
    console.log(`  error client-not-server: ${leak.chain.join(" → ")}`);
    console.log(`    A "use client" file is bundled for the browser with everything it imports; ${leak.chain.at(-1)} is server code (lib/server, lib/db or a module importing server-only). Import its types with \`import type\`, or pass the data in as props.\n`);
  }
  const failed = ruleReport.exitCode !== 0 || leaks.length > 0;
  console.log(
    failed
      ? `check:architecture: failed (${ruleReport.exitCode !== 0 ? "dependency rules broken, listed above" : "dependency rules hold"}; ${leaks.length} client import chain(s) reaching server code)`
      : `check:architecture: ${result.summary.totalCruised} modules, ${clientFiles.length} client files: the layers hold`,
  );
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error("check:architecture failed to run:", error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(2);
  },
);
