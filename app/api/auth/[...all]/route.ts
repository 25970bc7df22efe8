import { getAuth } from "@/lib/server/auth/auth";

export const dynamic = "force-dynamic";

/** Better Auth's endpoints: /api/auth/sign-up/email, /sign-in/email, /sign-out, /get-session … */
const handle = (request: Request) => getAuth().handler(request);

export { handle as GET, handle as POST };
