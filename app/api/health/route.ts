import { db } from "@/lib/db/client";
import { json } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    await db().$queryRaw`select 1`;
    return json({ ok: true, db: "up" });
  } catch {
    return json({ ok: false, db: "down" }, { status: 503 });
  }
}
