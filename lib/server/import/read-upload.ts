import "server-only";
import { AppError } from "../../errors/app-error";
import { MAX_UPLOAD_BYTES } from "../../schemas/sources";
import { readBytes } from "../request";

/** Room for the metadata part and the multipart framing beside a file at the cap. */
const FRAMING_BYTES = 256 * 1024;

/** Whether a request's body is `multipart/form-data`. */
export function isMultipart(request: Request): boolean {
  return (request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data");
}

/**
 * A `multipart/form-data` body's `file` part and its `metadata` part (JSON; `{}` when absent):
 * 413 beyond 50 MB (counted as the body arrives, before it is parsed), 400 without a file or with
 * metadata that is not JSON.
 */
export async function readUpload(request: Request): Promise<{ file: { name: string; type: string; bytes: Uint8Array }; metadata: unknown }> {
  const bytes = await readBytes(request, MAX_UPLOAD_BYTES + FRAMING_BYTES);
  let form: FormData;
  try {
    form = await new Response(bytes, { headers: { "content-type": request.headers.get("content-type")! } }).formData();
  } catch {
    throw new AppError("BAD_REQUEST", "The multipart/form-data body could not be read.");
  }
  const file = form.get("file");
  if (!(file instanceof Blob)) throw new AppError("BAD_REQUEST", "Send the file in a part named file.", { issues: [{ path: "file", message: "missing" }] });
  const rawMetadata = form.get("metadata");
  let metadata: unknown = {};
  if (typeof rawMetadata === "string" && rawMetadata.trim()) {
    try {
      metadata = JSON.parse(rawMetadata);
    } catch {
      throw new AppError("BAD_REQUEST", "The metadata part is not valid JSON.", { issues: [{ path: "metadata", message: "not JSON" }] });
    }
  } else if (rawMetadata instanceof Blob) {
    try {
      metadata = JSON.parse(await rawMetadata.text());
    } catch {
      throw new AppError("BAD_REQUEST", "The metadata part is not valid JSON.", { issues: [{ path: "metadata", message: "not JSON" }] });
    }
  }
  const name = "name" in file && typeof file.name === "string" ? file.name : "";
  return { file: { name, type: file.type, bytes: new Uint8Array(await file.arrayBuffer()) }, metadata };
}
