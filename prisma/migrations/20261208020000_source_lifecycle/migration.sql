-- Sources that can be corrected, revised and removed; authors that can be edited and merged.
--
-- A revised text keeps the text it replaces as a "SourceRevision". Every excerpt of the source is
-- placed again in the new text; one that cannot be placed is orphaned: it keeps its evidence and
-- its selectors, which then index the revision it belonged to ("revisionId"), and it counts in no
-- view until it is re-attached to the current text or deleted.

-- CreateTable
CREATE TABLE "SourceRevision" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "workspaceId" UUID NOT NULL,
    "sourceId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SourceRevision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SourceRevision_sourceId_createdAt_idx" ON "SourceRevision"("sourceId", "createdAt");

-- AddForeignKey
ALTER TABLE "SourceRevision" ADD CONSTRAINT "SourceRevision_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceRevision" ADD CONSTRAINT "SourceRevision_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AlterTable
ALTER TABLE "Excerpt" ADD COLUMN "orphanedAt" TIMESTAMP(3),
ADD COLUMN "orphanReason" TEXT,
ADD COLUMN "revisionId" UUID;

-- AddForeignKey
ALTER TABLE "Excerpt" ADD CONSTRAINT "Excerpt_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "SourceRevision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AlterTable: authors are edited with the edit protocol (a version), and merged into one another.
ALTER TABLE "Author" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN "mergedIntoId" UUID;

-- AddForeignKey
ALTER TABLE "Author" ADD CONSTRAINT "Author_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Author"("id") ON DELETE SET NULL ON UPDATE CASCADE;
