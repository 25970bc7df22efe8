-- Comments: threads on a claim, an excerpt or an evidence link.
--
-- A comment has exactly one target (CHECK "Comment_one_target"). A thread is a root comment
-- (no parent) with its replies, one level deep; the application gives a reply its thread's target
-- and resolves roots only (CHECK "Comment_resolved_root"). Deletes are soft, as everywhere.
-- Threads of a target are read by (target, createdAt); counts per claim by the same index,
-- grouped, and per evidence link by (workspace, evidence link, deleted). The body carries a stored tsvector for full-text search, built like
-- the claims' (migration 20261126100000_search).

-- CreateTable
CREATE TABLE "Comment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "workspaceId" UUID NOT NULL,
    "claimId" UUID,
    "excerptId" UUID,
    "evidenceId" UUID,
    "parentId" UUID,
    "authorId" UUID NOT NULL,
    "importedAuthorName" TEXT,
    "importedResolverName" TEXT,
    "body" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "editedAt" TIMESTAMP(3),
    "deletedAt" TIMESTAMP(3),
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" UUID,
    "searchVector" tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, "stancemap_search_text"("body"))) STORED,

    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Comment_one_target" CHECK (num_nonnulls("claimId", "excerptId", "evidenceId") = 1),
    CONSTRAINT "Comment_resolved_root" CHECK ("parentId" IS NULL OR ("resolvedAt" IS NULL AND "resolvedById" IS NULL))
);

-- CreateIndex
CREATE INDEX "Comment_claimId_createdAt_idx" ON "Comment"("claimId", "createdAt");

-- CreateIndex
CREATE INDEX "Comment_excerptId_createdAt_idx" ON "Comment"("excerptId", "createdAt");

-- CreateIndex
CREATE INDEX "Comment_evidenceId_createdAt_idx" ON "Comment"("evidenceId", "createdAt");

-- CreateIndex
CREATE INDEX "Comment_parentId_idx" ON "Comment"("parentId");

-- CreateIndex: the comments on a workspace's evidence links, counted per link for the matrix
-- without reading the table (an index-only scan).
CREATE INDEX "Comment_workspaceId_evidenceId_deletedAt_idx" ON "Comment"("workspaceId", "evidenceId", "deletedAt");

-- CreateIndex
CREATE INDEX "Comment_searchVector_idx" ON "Comment" USING GIN ("searchVector");

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_excerptId_fkey" FOREIGN KEY ("excerptId") REFERENCES "Excerpt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "Evidence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
