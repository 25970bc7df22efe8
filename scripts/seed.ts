/** `npm run db:seed`: migrates and seeds the demo workspace if it is missing. */
import { prepareDatabase } from "../lib/db/prepare";

const database = await prepareDatabase();
await database.stop();
