-- CreateTable
CREATE TABLE "WriteRateLimit" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "WriteRateLimit_pkey" PRIMARY KEY ("key")
);
