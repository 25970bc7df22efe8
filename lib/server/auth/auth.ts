import "server-only";
/**
 * Accounts and sessions through Better Auth (email + password, scrypt hashes, httpOnly SameSite
 * cookies, rate-limited sign-in stored in PostgreSQL so every app instance shares the counters).
 * Created on first use: DATABASE_URL and the signing secret are only known at run time.
 */
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { db } from "../../db/client";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "../../schemas/auth";
import { CLIENT_IP_HEADER } from "../client-address";
import { accountSignInLimiter } from "../rate-limit";
import { notifyCredentialsChanged } from "../../realtime/hub";

const SIGN_IN = "/sign-in/email";

/** The account a sign-in names, as the limiter files it. */
const accountKey = (body: unknown) => String((body as { email?: unknown } | undefined)?.email ?? "").trim().toLowerCase();

function createAuth() {
  return betterAuth({
    appName: "Stancemap",
    database: prismaAdapter(db(), { provider: "postgresql" }),
    secret: process.env.BETTER_AUTH_SECRET,
    // Without a fixed public URL, the site is whatever host the request came to (localhost, or the
    // address a seminar's laptops use on the local network).
    baseURL: process.env.BETTER_AUTH_URL ?? { allowedHosts: (process.env.STANCEMAP_ALLOWED_HOSTS ?? "*").split(","), protocol: "http", fallback: `http://localhost:${process.env.PORT ?? 3000}` },
    emailAndPassword: { enabled: true, minPasswordLength: MIN_PASSWORD_LENGTH, maxPasswordLength: MAX_PASSWORD_LENGTH, autoSignIn: true },
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: process.env.STANCEMAP_AUTH_RATE_LIMIT !== "off",
      storage: "database",
      window: 60,
      max: 120,
      customRules: {
        "/sign-in/email": { window: 60, max: 20 },
        "/sign-up/email": { window: 60, max: 20 },
      },
    },
    advanced: {
      database: { generateId: "uuid" },
      // Only the address the server itself determined (see client-address.ts), never a header the
      // client could set.
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      // Secure cookies only where the app is served over HTTPS; a seminar on a local network
      // reaches it over plain HTTP.
      useSecureCookies: process.env.BETTER_AUTH_URL?.startsWith("https://") ?? false,
      defaultCookieAttributes: { sameSite: "lax", httpOnly: true },
    },
    databaseHooks: {
      // Signing out (here or everywhere) ends the event streams opened with that session.
      session: { delete: { after: async (session) => notifyCredentialsChanged(session.userId) } },
    },
    hooks: {
      // Failed sign-ins are also counted per account, wherever they come from: an address limit
      // alone lets many addresses guess one account's password.
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== SIGN_IN || !accountSignInLimiter()) return;
        const key = accountKey(ctx.body);
        const wait = key ? await accountSignInLimiter()!.blockedFor(key) : 0;
        if (wait > 0) {
          throw new APIError("TOO_MANY_REQUESTS", { message: `Too many failed sign-ins to this account; try again in ${Math.ceil(wait / 60)} min.` }, { "Retry-After": String(wait) });
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== SIGN_IN || !accountSignInLimiter()) return;
        const key = accountKey(ctx.body);
        if (!key) return;
        if (isAPIError(ctx.context.returned)) await accountSignInLimiter()!.fail(key);
        else await accountSignInLimiter()!.reset(key);
      }),
    },
    plugins: [nextCookies()],
  });
}

type TAuth = ReturnType<typeof createAuth>;
const globalForAuth = globalThis as unknown as { stancemapAuth?: TAuth };

export function getAuth(): TAuth {
  globalForAuth.stancemapAuth ??= createAuth();
  return globalForAuth.stancemapAuth;
}
