import type { Connection } from 'vscode-languageserver';
import { ResponseError } from 'vscode-languageserver';

/**
 * Wraps a handler so that an exception becomes a log line and an empty answer, never a dead server
 * (the client gives up after five crashes). A ResponseError (a refusal meant for the user, like an
 * invalid rename) is passed on as it is.
 */
export function guard(connection: Connection) {
  return <A extends unknown[], R>(name: string, empty: R, handler: (...args: A) => R | Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await handler(...args);
      } catch (error) {
        if (error instanceof ResponseError) throw error;
        connection.console.error(
          `csp-partners: ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
        return empty;
      }
    };
}
