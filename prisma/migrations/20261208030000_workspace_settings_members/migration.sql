-- Running a workspace for a term: API tokens expire and carry a scope, invite links may be
-- limited to an email domain, and a workspace's earlier slugs redirect to its current one.
ALTER TABLE "ApiToken" ADD COLUMN "expiresAt" TIMESTAMP(3);
ALTER TABLE "ApiToken" ADD COLUMN "scope" TEXT NOT NULL DEFAULT 'write';

ALTER TABLE "Invite" ADD COLUMN "emailDomain" TEXT;

CREATE TABLE "WorkspaceSlugAlias" (
    "slug" TEXT NOT NULL,
    "workspaceId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkspaceSlugAlias_pkey" PRIMARY KEY ("slug")
);

CREATE INDEX "WorkspaceSlugAlias_workspaceId_idx" ON "WorkspaceSlugAlias"("workspaceId");

ALTER TABLE "WorkspaceSlugAlias" ADD CONSTRAINT "WorkspaceSlugAlias_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The account that a deleted account's comments and past live sessions pass to. It exists from the
-- start, so nobody can sign up with its address; it has no password and cannot sign in.
INSERT INTO "User" ("id", "email", "name", "updatedAt")
VALUES ('00000000-0000-4000-8000-00000000f0e1', 'former-member@stancemap.invalid', 'Former member', CURRENT_TIMESTAMP)
ON CONFLICT DO NOTHING;
