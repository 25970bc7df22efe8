/**
 * `npm run token -- <email> [name]`: creates a personal API token for a user and prints it as the
 * last line. Works while the app runs on the embedded database (it attaches to that server).
 */
import { createPrismaClient } from "../lib/db/client";
import { prepareDatabase } from "../lib/db/prepare";
import { createApiToken } from "../lib/server/auth/api-tokens";

const [email, name = "script"] = process.argv.slice(2);
if (!email) {
  console.error("usage: npm run token -- <email> [token name]");
  process.exit(2);
}
const database = await prepareDatabase({ log: (m) => console.error(m) });
const prisma = createPrismaClient(database.url);
let code = 0;
try {
  const user = await prisma.user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true } });
  if (!user) {
    console.error(`no user with the email ${email}; sign up first`);
    code = 1;
  } else {
    const { token } = await createApiToken(prisma, user.id, name);
    console.error(`created API token '${name}' for ${email}; send it as "Authorization: Bearer <token>"`);
    console.log(token);
  }
} finally {
  await prisma.$disconnect();
  await database.stop();
}
process.exit(code);
