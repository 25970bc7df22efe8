/**
 * Run as a separate Node process by the realtime integration test: makes a change through the
 * app's own mutation path, as a second app instance on the same database would.
 * Usage: node --conditions=react-server --import tsx <this file> <slug> <userId> <claim text>
 */
import { createClaim } from "../../server/claims/create-claim";
import { mutate } from "../../server/mutation";
import { db } from "../../db/client";

const [slug, userId, text] = process.argv.slice(2);
const result = await mutate({ viewer: { userId, via: "token" }, slug, action: "edit" }, async (ctx) => ({ status: 201, body: await createClaim(ctx, { text }) }));
console.log(JSON.stringify(result.body));
await db().$disconnect();
