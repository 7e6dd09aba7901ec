/** A request the store refuses: the HTTP status the xAPI spec names and a message saying what to fix. */
export class LrsError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: string[],
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details?: string[]): LrsError => new LrsError(400, message, details);
