/** Calls a route handler in-process with a real Request, as Next.js does. */
type THandler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

export async function call(
  handler: THandler,
  options: { method?: string; path?: string; params?: Record<string, string>; headers?: Record<string, string>; body?: unknown; rawBody?: string; form?: FormData },
): Promise<{ status: number; body: any }> {
  const init: RequestInit = { method: options.method ?? "GET", headers: options.headers ?? {} };
  if (options.form !== undefined) {
    // The multipart boundary goes in the content type the form itself sets.
    init.headers = Object.fromEntries(Object.entries(options.headers ?? {}).filter(([name]) => name.toLowerCase() !== "content-type"));
    init.body = options.form;
  } else if (options.rawBody !== undefined) init.body = options.rawBody;
  else if (options.body !== undefined) init.body = JSON.stringify(options.body);
  const response = await handler(new Request(`http://localhost${options.path ?? "/api/test"}`, init), { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}
