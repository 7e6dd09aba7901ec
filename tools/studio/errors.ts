import type { Bilingual, Diagnostic } from '../../core/studio-api.js';

/** A refused request: the HTTP status and what to tell the trainer, in Chinese and English. */
export class StudioError extends Error {
  constructor(
    readonly status: number,
    readonly error: Bilingual,
  ) {
    super(error.en);
    this.name = 'StudioError';
  }
}

/** 422: the change would break the course; `problems` are the build's own diagnostics. */
export class ProblemsError extends Error {
  constructor(readonly problems: Diagnostic[]) {
    super(`${problems.length} content problem(s)`);
    this.name = 'ProblemsError';
  }
}

export const badRequest = (zh: string, en: string): StudioError => new StudioError(400, { zh, en });
