import { checkHealth } from "@/lib/server/health/check-health";
import { json } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await checkHealth();
  return json(health, health.ok ? {} : { status: 503 });
}
