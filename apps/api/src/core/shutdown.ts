import { Logger } from '@nestjs/common';

/** However the orderly shutdown fares, the process is gone this long after SIGTERM (orchestrators kill at 10 s or later). */
export const HARD_EXIT_MS = 9500;

/**
 * The last resort of a shutdown: Nest's hooks close the HTTP server, let the jobs under way finish
 * or let go of them and close the connections; should anything still hang (a dependency that does
 * not answer), the process exits anyway HARD_EXIT_MS after the first SIGTERM or SIGINT.
 */
export function exitWithinDeadline(name: string): void {
  const arm = (signal: NodeJS.Signals) => {
    if (process.listenerCount(signal) === 0) process.exit(0); // still starting: Nest's hooks are not there yet, nothing to close in order
    const timer = setTimeout(() => {
      new Logger(name).error(`shutdown after ${signal} took longer than ${HARD_EXIT_MS} ms: exiting now`);
      process.exit(1);
    }, HARD_EXIT_MS);
    timer.unref(); // an orderly shutdown that ends sooner is not held back by the timer
    new Logger(name).log(`${signal}: shutting down`);
  };
  process.once('SIGTERM', arm);
  process.once('SIGINT', arm);
}
