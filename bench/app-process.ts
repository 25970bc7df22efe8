/** The app under test: started as `npm start` runs it, against the bench database, and stopped. */
import { spawn, type ChildProcess } from "node:child_process";
import { HOST, PROFILE_DIR, ROOT, log } from "./settings";
import { sleep } from "./stats";

export interface App {
  child: ChildProcess;
  port: number;
  output: () => string;
  stop(): Promise<void>;
}

export function startApp(databaseUrl: string, port: number): App {
  // What `npm start` runs (package.json "start"), minus npm.
  const profile = PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${PROFILE_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, "--import", "tsx", "scripts/start.ts"], {
    cwd: ROOT,
    // Own process group, so a stuck start-up can be killed with everything it spawned.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      PORT: String(port),
      HOST,
      DATABASE_URL: databaseUrl,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      // The write budget measures raw capacity; the per-caller limit (default 1200/min) is off.
      STANCEMAP_WRITE_LIMIT: "0",
      // The seminar followers sign up over HTTP: 40 would exceed the 20 sign-ups a minute allowed.
      STANCEMAP_AUTH_RATE_LIMIT: "off",
      STANCEMAP_HEAVY_READ_LIMIT: "0",
      // Hundreds of anonymous subscribers from this one address: the per-caller stream cap is off.
      STANCEMAP_STREAMS_PER_CALLER: "0",
    },
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const killer = setTimeout(() => {
        log("[bench] the app did not stop within 25 s of SIGTERM; killing its process group");
        try {
          process.kill(-child.pid!, "SIGKILL");
        } catch {
          /* already gone */
        }
      }, 25_000);
      child.once("exit", () => {
        clearTimeout(killer);
        resolve();
      });
      child.kill("SIGTERM");
    }));
  return { child, port, output: () => output, stop };
}

export async function waitForHealth(app: App, timeoutMs: number): Promise<number> {
  const started = performance.now();
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (app.child.exitCode !== null || app.child.signalCode !== null) {
      throw new Error(`the app exited during start-up (code ${app.child.exitCode ?? app.child.signalCode}):\n${app.output()}`);
    }
    try {
      const res = await fetch(`http://${HOST}:${app.port}/api/health`, { signal: AbortSignal.timeout(2_000) });
      const body = await res.text();
      if (res.ok) return performance.now() - started;
      if (res.status !== 503) log(`[bench] /api/health answered ${res.status}: ${body.slice(0, 200)}`);
    } catch {
      /* not listening yet */
    }
    await sleep(250);
  }
  throw new Error(`the app did not answer /api/health within ${timeoutMs / 1000} s:\n${app.output()}`);
}
