/**
 * Where the CPU goes during a load phase (Linux /proc): the bench process itself (the HTTP
 * clients), the app's process group and PostgreSQL's process group, plus the whole machine, so
 * the report can say whether a phase was limited by the two cores all three share.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

let ticksPerSecond: number | undefined;
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

interface ProcCpu {
  pid: number;
  ppid: number;
  pgrp: number;
  /** utime + stime, in clock ticks. */
  own: number;
  /** cutime + cstime: CPU of children it has waited for (exited), in clock ticks. */
  reaped: number;
}

function readProcs(): ProcCpu[] {
  const out: ProcCpu[] = [];
  let entries: string[];
  try {
    entries = fs.readdirSync("/proc");
  } catch {
    return out;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // exited meanwhile
    }
    // Fields after "(comm)": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime …
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    out.push({ pid: Number(entry), ppid: Number(f[1]), pgrp: Number(f[2]), own: Number(f[11]) + Number(f[12]), reaped: Number(f[13]) + Number(f[14]) });
  }
  return out;
}

/** CPU seconds of the live processes in process group `pgrp` (the app runs in its own group). */
function groupCpuSeconds(procs: ProcCpu[], pgrp: number): number {
  return procs.filter((p) => p.pgrp === pgrp).reduce((sum, p) => sum + p.own, 0) / clockTicks();
}

/**
 * CPU seconds of a PostgreSQL server: the postmaster, its live children (every backend calls
 * setsid, so they are not in its process group) and the children it has already reaped.
 */
function postgresCpuSeconds(procs: ProcCpu[], postmaster: number): number {
  let ticks = 0;
  for (const p of procs) {
    if (p.pid === postmaster) ticks += p.own + p.reaped;
    else if (p.ppid === postmaster) ticks += p.own;
  }
  return ticks / clockTicks();
}

/** Busy and total CPU seconds of the whole machine (all cores), from /proc/stat. */
function machineCpuSeconds(): { busy: number; total: number } {
  try {
    const line = fs.readFileSync("/proc/stat", "utf8").split("\n")[0];
    const values = line.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal (guest time is already in user)
    const total = values.slice(0, 8).reduce((a, b) => a + b, 0);
    const idle = values[3] + (values[4] ?? 0);
    return { busy: (total - idle) / clockTicks(), total: total / clockTicks() };
  } catch {
    return { busy: NaN, total: NaN };
  }
}

export interface CpuSample {
  at: number;
  bench: number;
  app: number;
  postgres: number;
  machineBusy: number;
}

/** Average cores in use over an interval, per party. */
export interface CpuShare {
  seconds: number;
  bench: number;
  app: number;
  postgres: number;
  machine: number;
}

export class CpuMeter {
  constructor(
    private readonly appPgrp: number | undefined,
    private readonly postmaster: number | undefined,
  ) {}

  sample(): CpuSample {
    const own = process.cpuUsage();
    const procs = readProcs();
    return {
      at: performance.now(),
      bench: (own.user + own.system) / 1e6,
      app: this.appPgrp ? groupCpuSeconds(procs, this.appPgrp) : NaN,
      postgres: this.postmaster ? postgresCpuSeconds(procs, this.postmaster) : NaN,
      machineBusy: machineCpuSeconds().busy,
    };
  }

  static share(from: CpuSample, to: CpuSample): CpuShare {
    const seconds = (to.at - from.at) / 1000;
    const rate = (a: number, b: number) => (b - a) / seconds;
    return { seconds, bench: rate(from.bench, to.bench), app: rate(from.app, to.app), postgres: rate(from.postgres, to.postgres), machine: rate(from.machineBusy, to.machineBusy) };
  }
}

/** The pid of the PostgreSQL server running on the cluster of `dataDir` (embedded), or undefined. */
export function postmasterPid(dataDir: string): number | undefined {
  try {
    const { clusterDir } = JSON.parse(fs.readFileSync(path.join(dataDir, "postgres.json"), "utf8")) as { clusterDir?: string };
    if (!clusterDir) return undefined;
    const pid = Number(fs.readFileSync(path.join(clusterDir, "postmaster.pid"), "utf8").split("\n")[0]);
    return pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export function formatShare(s: CpuShare): string {
  const f = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : "?");
  const others = s.machine - s.bench - s.app - s.postgres;
  return `bench clients ${f(s.bench)}, app ${f(s.app)}, PostgreSQL ${f(s.postgres)}; whole machine ${f(s.machine)} cores busy${others > 0.25 ? ` (≈ ${f(others)} of them other processes or kernel work, which competed with this phase)` : ""}`;
}
