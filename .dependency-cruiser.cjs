/**
 * The layers of docs/ARCHITECTURE.md, checked by `npm run check:architecture`
 * (scripts/check-architecture.ts). Dependencies point one way:
 *
 *   lib/domain, lib/errors ← lib/schemas, lib/anchoring, lib/graph ← lib/export, lib/import
 *     ← lib/db ← lib/realtime ← lib/server ← app/
 *
 * Each rule names a folder and the folders of lib it may import; any other import into lib/ is a
 * violation. Type-only imports count too: a type pulls its layer's words in as much as a value.
 * Tests (`test/` and `_tests/` folders, `*.test.ts`) may reach across layers, e.g. a layout test
 * reads the demo seed and an integration test calls route handlers, so rules look only at the
 * code the app runs. What client components may reach is checked by the script itself (it follows
 * value imports from every `"use client"` file), since a rule here cannot tell a type from a value
 * along a path.
 */
const TESTS = "(^|/)(test|_tests)/|[.]test[.]tsx?$";

/** Production code of `lib/<folder>` may import nothing in lib but its own folder and `allowed`. */
function layer(folder, allowed, comment) {
  return {
    name: `layer-${folder.replace(/\//g, "-")}`,
    comment,
    severity: "error",
    from: { path: `^lib/${folder}/`, pathNot: TESTS },
    to: { path: "^lib/", pathNot: `^lib/(${[folder, ...allowed].join("|")})/` },
  };
}

module.exports = {
  forbidden: [
    layer("domain", [], "lib/domain is pure types and rules: it imports nothing in lib."),
    layer("errors", [], "lib/errors (AppError and the code table) imports nothing in lib."),
    layer("schemas", ["domain"], "lib/schemas may import only lib/domain: a schema must not point up at the code that uses it."),
    layer("anchoring", ["domain"], "lib/anchoring may import only lib/domain."),
    layer("graph", ["domain"], "lib/graph (the argument graph's drawing, shared by the browser and the server) may import only lib/domain."),
    layer("export", ["domain", "schemas", "anchoring", "graph"], "lib/export (pure writers of each format) may import only lib/domain, lib/schemas, lib/anchoring and lib/graph."),
    layer("import", ["domain", "schemas", "anchoring", "graph", "errors"], "lib/import (pure readers of other tools' files) may import only lib/domain, lib/schemas, lib/anchoring, lib/graph and lib/errors."),
    {
      name: "layer-db",
      comment: "lib/db (the client, the embedded server, migrations, snapshots) imports nothing in lib; only its seed helpers may use lib/domain and lib/anchoring.",
      severity: "error",
      from: { path: "^lib/db/", pathNot: `${TESTS}|^lib/db/seed/` },
      to: { path: "^lib/", pathNot: "^lib/db/" },
    },
    layer("db/seed", ["db", "domain", "anchoring"], "lib/db/seed (the demo, reused by tests) may import only lib/db, lib/domain and lib/anchoring."),
    layer("realtime", ["domain", "schemas", "errors", "db"], "lib/realtime may import only lib/domain, lib/schemas, lib/errors and lib/db; lib/server uses it, not the other way round."),
    {
      name: "lib-not-testing",
      comment: "lib/testing is test support: nothing the app runs may import it.",
      severity: "error",
      // Browser specs are tests too: they may print the same fixtures (an article as a page).
      from: { pathNot: `${TESTS}|^lib/testing/|^e2e/` },
      to: { path: "^lib/testing/" },
    },
    {
      name: "lib-not-app",
      comment: "lib is below app/: no code in lib imports a page, route or component.",
      severity: "error",
      from: { path: "^lib/", pathNot: TESTS },
      to: { path: "^app/" },
    },
    {
      name: "app-and-lib-not-tooling",
      comment: "The app does not import the start-up scripts, the bench or the end-to-end specs (lib/testing, which only tests run, may use the bench's map generator).",
      severity: "error",
      from: { path: "^(lib|app)/", pathNot: [TESTS, "^lib/testing/"].flat() },
      to: { path: "^(scripts|bench|e2e)/" },
    },
    {
      name: "app-not-db",
      comment: "Pages and route handlers read and write through lib/server, never lib/db: authorization and the write pipeline live there.",
      severity: "error",
      from: { path: "^app/", pathNot: TESTS },
      to: { path: "^lib/db/" },
    },
    {
      name: "pure-layers-not-node",
      comment: "domain, errors, schemas, anchoring, graph, export and import are pure and run in the browser too: no Node built-ins.",
      severity: "error",
      from: { path: "^lib/(domain|errors|schemas|anchoring|graph|export|import)/", pathNot: TESTS },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "lib-no-cycles",
      comment: "No module in lib reaches itself through its imports, type-only ones included.",
      severity: "error",
      from: { path: "^lib/" },
      to: { circular: true },
    },
    {
      name: "no-value-cycles",
      comment: "No module reaches itself through value imports (outside lib, a cycle through a type-only import is tolerated: it is erased before the code runs).",
      severity: "error",
      from: { pathNot: "^lib/" },
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
    {
      name: "resolvable",
      comment: "Every import resolves, so no dependency escapes these rules unseen.",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // The swc parser reads TypeScript and TSX with their type-only imports (dependency-cruiser's
    // tsc parser needs the TypeScript 5/6 compiler API, which TypeScript 7 does not ship).
    parser: "swc",
    tsConfig: { fileName: "tsconfig.json" },
    doNotFollow: { path: ["node_modules", "^lib/db/generated/"] },
    exclude: { path: "^[.]next/" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json", ".d.ts"],
    },
  },
};
