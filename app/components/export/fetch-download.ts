import { describeFailure, failureOfResponse } from "@/app/components/api";

export type TDownloadOutcome = { ok: true; fileName: string; bytes: number } | { ok: false; message: string };

/** The file name an `attachment; filename="…"` header gives, else `fallback`. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const match = disposition?.match(/filename="([^"]+)"/);
  return match?.[1] ?? fallback;
}

/**
 * Fetches an export and hands it to the browser as a download, reporting the bytes received as
 * they arrive. A refusal (too many exports, the server busy, signed out) comes back in words rather
 * than as a file holding the error's JSON.
 */
export async function fetchDownload(url: string, onProgress: (bytes: number) => void): Promise<TDownloadOutcome> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: "same-origin", cache: "no-store" });
  } catch {
    return { ok: false, message: "The download did not reach the server. Check your connection and try again." };
  }
  if (!response.ok) return { ok: false, message: describeFailure(await failureOfResponse(response)) };
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let bytes = 0;
  try {
    const reader = response.body?.getReader();
    if (reader) {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        bytes += value.byteLength;
        onProgress(bytes);
      }
    }
  } catch {
    return { ok: false, message: "The download broke off before it was complete. Try again." };
  }
  const fileName = fileNameOf(response.headers.get("content-disposition"), "stancemap-export");
  const blob = new Blob(chunks, { type: response.headers.get("content-type") ?? "application/octet-stream" });
  const objectUrl = URL.createObjectURL(blob);
  const anchor = document.createElement("a");
  anchor.href = objectUrl;
  anchor.download = fileName;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // The browser has taken its copy once the click's task has run.
  setTimeout(() => URL.revokeObjectURL(objectUrl), 1000);
  return { ok: true, fileName, bytes };
}
