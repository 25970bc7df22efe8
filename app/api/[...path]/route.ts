import { AppError, toErrorResponse } from "@/lib/errors/app-error";

export const dynamic = "force-dynamic";

/** Unknown API paths answer in the API's JSON error shape, not with the HTML 404 page. */
function unknown(request: Request) {
  return toErrorResponse(new AppError("NOT_FOUND", `There is no API endpoint ${request.method} ${new URL(request.url).pathname}.`));
}

export { unknown as GET, unknown as POST, unknown as PUT, unknown as PATCH, unknown as DELETE };
