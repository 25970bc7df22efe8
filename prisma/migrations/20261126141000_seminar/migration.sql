-- Seminar mode: participants' votes on claims, live seminar sessions run by a facilitator, and
-- polls with their ballots.

-- CreateEnum
CREATE TYPE "VoteChoice" AS ENUM ('AGREE', 'DISAGREE', 'UNSURE');

-- CreateTable
CREATE TABLE "Vote" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "workspaceId" UUID NOT NULL,
    "claimId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "choice" "VoteChoice" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "Vote_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Vote_claimId_userId_key" ON "Vote"("claimId", "userId");
CREATE INDEX "Vote_workspaceId_idx" ON "Vote"("workspaceId");
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "Seminar" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "workspaceId" UUID NOT NULL,
    "facilitatorId" UUID NOT NULL,
    "spotlightClaimId" UUID,
    "discussed" UUID[] DEFAULT ARRAY[]::UUID[],
    "locked" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMP(3),
    "summary" JSONB,
    CONSTRAINT "Seminar_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "Seminar_workspaceId_startedAt_idx" ON "Seminar"("workspaceId", "startedAt");
-- One live session per workspace; authorization reads it on every write (the editing lock).
CREATE UNIQUE INDEX "Seminar_live_key" ON "Seminar"("workspaceId") WHERE "endedAt" IS NULL;
ALTER TABLE "Seminar" ADD CONSTRAINT "Seminar_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Seminar" ADD CONSTRAINT "Seminar_facilitatorId_fkey" FOREIGN KEY ("facilitatorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "Poll" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "seminarId" UUID NOT NULL,
    "claimId" UUID NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),
    "revealedAt" TIMESTAMP(3),
    CONSTRAINT "Poll_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "Poll_seminarId_openedAt_idx" ON "Poll"("seminarId", "openedAt");
-- At most one open poll per session.
CREATE UNIQUE INDEX "Poll_open_key" ON "Poll"("seminarId") WHERE "closedAt" IS NULL;
ALTER TABLE "Poll" ADD CONSTRAINT "Poll_seminarId_fkey" FOREIGN KEY ("seminarId") REFERENCES "Seminar"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Poll" ADD CONSTRAINT "Poll_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "PollBallot" (
    "pollId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "choice" "VoteChoice" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "PollBallot_pkey" PRIMARY KEY ("pollId", "userId")
);
ALTER TABLE "PollBallot" ADD CONSTRAINT "PollBallot_pollId_fkey" FOREIGN KEY ("pollId") REFERENCES "Poll"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "PollBallot" ADD CONSTRAINT "PollBallot_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
