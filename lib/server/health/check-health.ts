import "server-only";
import { db } from "../../db/client";

/** `GET /api/health`'s answer: whether the database answers a query. */
export interface THealth {
  ok: boolean;
  db: "up" | "down";
}

/** Asks the database for one row; any failure (unreachable, stopped, timed out) reads as down. */
export async function checkHealth(): Promise<THealth> {
  try {
    await db().$queryRaw`select 1`;
    return { ok: true, db: "up" };
  } catch {
    return { ok: false, db: "down" };
  }
}
