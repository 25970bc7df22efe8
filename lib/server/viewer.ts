import "server-only";
import type { TViewer } from "./authorize";

/**
 * Who is asking. Accounts arrive with the collaboration work; until then every request is
 * anonymous, which the authorization rules treat as an outsider.
 */
export async function getViewer(_request?: Request): Promise<TViewer | null> {
  return null;
}
