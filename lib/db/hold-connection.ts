/**
 * A running Stancemap keeps one named connection open to its database for as long as it runs. Its
 * pools close idle connections, so without it an app that nobody is using would look, to
 * `npm run restore`, like no app at all, and a restore would swap the database from under it.
 */
import pg from "pg";

/** The `application_name` of the held connection, which a restore names when it refuses. */
export const APP_CONNECTION_NAME = "stancemap";

const RETRY_MS = 5000;

/** Opens the connection (again after a server restart) until `release()`. */
export function holdConnection(url: string, log: (message: string) => void = () => {}): { release(): Promise<void> } {
  let client: pg.Client | undefined;
  let released = false;
  let timer: NodeJS.Timeout | undefined;
  const open = () => {
    const next = new pg.Client({ connectionString: url, application_name: APP_CONNECTION_NAME });
    const retry = () => {
      if (client !== next) return;
      client = undefined;
      next.removeAllListeners();
      next.end().catch(() => {});
      if (!released) timer = setTimeout(open, RETRY_MS).unref();
    };
    client = next;
    next.on("error", retry);
    next.on("end", retry);
    next.connect().catch((error: Error) => {
      log(`could not hold a connection to the database (${error.message}); trying again`);
      retry();
    });
  };
  open();
  return {
    async release() {
      released = true;
      clearTimeout(timer);
      const held = client;
      client = undefined;
      held?.removeAllListeners();
      await held?.end().catch(() => {});
    },
  };
}
