import "server-only";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { BlockList, isIP } from "node:net";
import { AppError } from "../../errors/app-error";

/** At most this many redirects are followed. */
export const MAX_REDIRECTS = 5;
/** The whole fetch, redirects included, within this time. */
export const FETCH_TIMEOUT_MS = 10_000;
/** A page (or PDF) fetched from an address is at most this large. */
export const MAX_FETCH_BYTES = 10 * 1024 * 1024;
/** What an address may answer with: a web page, a PDF, or plain text. */
const ACCEPTED_TYPES = ["text/html", "application/xhtml+xml", "application/pdf", "text/plain", "text/markdown"];

/**
 * Addresses the server never fetches from: unspecified, loopback, private networks (RFC 1918,
 * carrier-grade NAT, IPv6 unique local), link-local (which holds the cloud metadata service at
 * 169.254.169.254), benchmarking, multicast and reserved ranges. An IPv4 address mapped into IPv6
 * is judged as the IPv4 address it is.
 */
const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12], ["192.0.0.0", 24],
  ["192.0.2.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["198.51.100.0", 24], ["203.0.113.0", 24], ["224.0.0.0", 4], ["240.0.0.0", 4],
] as const) PRIVATE.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [["::", 128], ["::1", 128], ["fc00::", 7], ["fe80::", 10], ["ff00::", 8], ["2001:db8::", 32], ["64:ff9b::", 96]] as const) PRIVATE.addSubnet(net, prefix, "ipv6");
const LOOPBACK = new BlockList();
LOOPBACK.addSubnet("127.0.0.0", 8, "ipv4");
LOOPBACK.addAddress("::1", "ipv6");

/**
 * Whether the server may connect to `address` (an IP address, as DNS resolved it). Loopback is
 * allowed only when `STANCEMAP_FETCH_ALLOW_PRIVATE=1` — for tests that serve pages from this
 * machine; link-local (the metadata service) and private networks stay refused even then.
 */
export function mayConnectTo(address: string, allowLoopback = process.env.STANCEMAP_FETCH_ALLOW_PRIVATE === "1"): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  const mapped = family === 6 ? /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1] : undefined;
  const ip = mapped ?? address;
  const type = mapped || family === 4 ? "ipv4" : "ipv6";
  if (allowLoopback && LOOPBACK.check(ip, type)) return true;
  return !PRIVATE.check(ip, type);
}

function refused(message: string): AppError {
  return new AppError("UNPROCESSABLE", message, { issues: [{ path: "url", message }] });
}

/** DNS lookup that fails for any name resolving to an address the server may not reach: checked on the address actually connected to, so a name cannot change its answer between check and use. */
function guardedLookup(hostname: string, options: object, callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void) {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, "");
    const list = addresses as LookupAddress[];
    const blocked = list.find((a) => !mayConnectTo(a.address));
    if (blocked || list.length === 0) {
      const failure = Object.assign(new Error(`${hostname} resolves to ${blocked?.address ?? "no address"}, a private or local network address`), { code: "STANCEMAP_PRIVATE_ADDRESS" });
      return callback(failure, "");
    }
    if ((options as { all?: boolean }).all) callback(null, list);
    else callback(null, list[0].address, list[0].family);
  });
}

export interface TFetchedPage {
  bytes: Uint8Array;
  /** The media type without parameters ("text/html"). */
  contentType: string;
  /** The address after redirects. */
  url: string;
  /** The file name the answer gives (Content-Disposition), or the last part of its path. */
  fileName: string;
}

interface TAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Uint8Array | null;
}

/** One request: the answer's status and headers, and its body unless it redirects (at most `MAX_FETCH_BYTES`). */
function requestOnce(url: URL, signal: AbortSignal): Promise<TAnswer> {
  return new Promise((resolve, reject) => {
    const hostname = url.hostname.replace(/^\[|\]$/g, "");
    if (isIP(hostname) && !mayConnectTo(hostname)) return reject(refused(`Refused to fetch ${url.origin}: ${hostname} is a private or local network address.`));
    const client = url.protocol === "https:" ? https : http;
    const req = client.get(url, { lookup: guardedLookup as never, signal, headers: { "user-agent": "Stancemap (article import)", accept: "text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8" } }, (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && res.headers.location) {
        res.resume();
        return resolve({ status, headers: res.headers, body: null });
      }
      const declared = Number(res.headers["content-length"] ?? NaN);
      if (declared > MAX_FETCH_BYTES) {
        res.destroy();
        return reject(refused(`The page at ${url.href} is ${(declared / 1024 / 1024).toFixed(1)} MB; at most ${MAX_FETCH_BYTES / 1024 / 1024} MB are fetched.`));
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_FETCH_BYTES) {
          res.destroy();
          reject(refused(`The page at ${url.href} is larger than ${MAX_FETCH_BYTES / 1024 / 1024} MB, the most that is fetched.`));
        } else chunks.push(chunk);
      });
      res.on("end", () => resolve({ status, headers: res.headers, body: new Uint8Array(Buffer.concat(chunks)) }));
      res.on("error", reject);
    });
    req.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "STANCEMAP_PRIVATE_ADDRESS") reject(refused(`Refused to fetch ${url.href}: ${error.message}.`));
      else if (signal.aborted) reject(refused(`${url.host} did not answer within ${FETCH_TIMEOUT_MS / 1000} s.`));
      else reject(refused(`Could not fetch ${url.href}: ${error.code === "ENOTFOUND" ? "no such host" : error.message}.`));
    });
  });
}

/**
 * Fetches a page or PDF for import, guarded: http(s) only; every address connected to — after DNS
 * resolution, on the first request and on every redirect — must be a public one (`mayConnectTo`);
 * at most 5 redirects; 10 s in all; 10 MB at most; only web pages, PDFs and plain text accepted.
 * Every refusal is a 422 saying why.
 */
export async function fetchPage(address: string): Promise<TFetchedPage> {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw refused("That is not a web address.");
  }
  const signal = AbortSignal.timeout(FETCH_TIMEOUT_MS);
  for (let redirects = 0; ; redirects++) {
    if (url.protocol !== "http:" && url.protocol !== "https:") throw refused(`Only http and https addresses are fetched, not ${url.protocol.replace(/:$/, "")}.`);
    if (url.username || url.password) throw refused("Addresses with a user name or password are not fetched.");
    const answer = await requestOnce(url, signal);
    if (answer.body === null) {
      if (redirects >= MAX_REDIRECTS) throw refused(`${address} redirects more than ${MAX_REDIRECTS} times.`);
      url = new URL(answer.headers.location!, url);
      continue;
    }
    if (answer.status !== 200) throw refused(`The page at ${url.href} answered ${answer.status}${answer.status === 404 ? " (not found)" : ""}.`);
    const contentType = String(answer.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
    if (!ACCEPTED_TYPES.includes(contentType)) throw refused(`The address gives ${contentType || "a file of no stated type"}; only web pages (HTML), PDFs and plain text can become sources.`);
    const disposition = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(String(answer.headers["content-disposition"] ?? ""))?.[1];
    const fileName = decodeSafely(disposition ?? url.pathname.split("/").filter(Boolean).at(-1) ?? url.hostname);
    return { bytes: answer.body, contentType, url: url.href, fileName };
  }
}

function decodeSafely(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
