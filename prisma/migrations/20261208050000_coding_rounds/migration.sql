-- Blind coding rounds: a facilitator's list of (passage, claim) items, and each participant's own
-- answers to them.

-- CreateTable
CREATE TABLE "Round" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "workspaceId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "askVoice" BOOLEAN NOT NULL DEFAULT false,
    "facilitatorId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),
    CONSTRAINT "Round_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "Round_workspaceId_createdAt_idx" ON "Round"("workspaceId", "createdAt");
-- Authorization asks on every read whether the viewer is blind to an open round.
CREATE INDEX "Round_open_idx" ON "Round"("workspaceId") WHERE "closedAt" IS NULL;
ALTER TABLE "Round" ADD CONSTRAINT "Round_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Round" ADD CONSTRAINT "Round_facilitatorId_fkey" FOREIGN KEY ("facilitatorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "RoundItem" (
    "roundId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "excerptId" UUID NOT NULL,
    "claimId" UUID NOT NULL,
    CONSTRAINT "RoundItem_pkey" PRIMARY KEY ("roundId", "position")
);
ALTER TABLE "RoundItem" ADD CONSTRAINT "RoundItem_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RoundItem" ADD CONSTRAINT "RoundItem_excerptId_fkey" FOREIGN KEY ("excerptId") REFERENCES "Excerpt"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "RoundItem" ADD CONSTRAINT "RoundItem_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "RoundAnswer" (
    "roundId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "userId" UUID NOT NULL,
    "stance" TEXT NOT NULL,
    "voice" "Voice",
    "reason" TEXT,
    "answeredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RoundAnswer_pkey" PRIMARY KEY ("roundId", "userId", "position"),
    CONSTRAINT "RoundAnswer_stance_check" CHECK ("stance" IN ('SUPPORTS', 'OPPOSES', 'QUALIFIES', 'NOT_RELEVANT'))
);
ALTER TABLE "RoundAnswer" ADD CONSTRAINT "RoundAnswer_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RoundAnswer" ADD CONSTRAINT "RoundAnswer_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
