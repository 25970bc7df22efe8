/**
 * The demo workspace every installation carries: five articles on the Shanghai Cooperation
 * Organization and the claims a seminar mapped in them (prisma/seed/).
 */
import fs from "node:fs";
import path from "node:path";
import type { PrismaClient } from "../client";
import { seedWorkspace, type TWorkspaceDefinition } from "./seed-workspace";

export const DEMO_SLUG = "sco-debate";
export const DEMO_OWNER_EMAIL = "demo@stancemap.test";

interface CorpusEntry {
  id: string;
  file: string;
  shortName: string;
  author: string;
  organization: string | null;
  title: string;
  published: string;
  publishedNote: string | null;
  url: string | null;
}

interface DemoMap {
  workspace: { slug: string; title: string; description: string };
  claims: TWorkspaceDefinition["claims"];
  links: NonNullable<TWorkspaceDefinition["links"]>;
  evidence: TWorkspaceDefinition["evidence"];
}

/** "ECFR policy fellows (several; names not given in the text)" → "ECFR policy fellows". */
function authorName(raw: string): string {
  return raw.replace(/\s*\(.*\)\s*$/, "").trim();
}

/** Reads the demo definition from the seed folder (texts byte-for-byte as received). */
export function loadDemoDefinition(seedDir = path.join(process.cwd(), "prisma", "seed")): TWorkspaceDefinition {
  const corpusDir = path.join(seedDir, "corpus");
  const corpus = JSON.parse(fs.readFileSync(path.join(corpusDir, "sources.json"), "utf8")) as { sources: CorpusEntry[] };
  const map = JSON.parse(fs.readFileSync(path.join(seedDir, "sco-debate.json"), "utf8")) as DemoMap;
  return {
    workspace: { ...map.workspace, visibility: "PUBLIC" },
    owner: { email: DEMO_OWNER_EMAIL, name: "Demo facilitator" },
    sources: corpus.sources.map((s) => ({
      key: s.id,
      title: s.title,
      author: { name: authorName(s.author), shortName: s.shortName, affiliation: s.organization },
      publication: s.organization,
      published: s.published,
      publishedNote: s.publishedNote,
      url: s.url,
      text: fs.readFileSync(path.join(corpusDir, s.file), "utf8"),
    })),
    claims: map.claims,
    links: map.links,
    evidence: map.evidence,
  };
}

/** Seeds the demo workspace if it is missing; a second call changes nothing. */
export function seedDemo(prisma: PrismaClient, seedDir?: string) {
  return seedWorkspace(prisma, loadDemoDefinition(seedDir));
}
