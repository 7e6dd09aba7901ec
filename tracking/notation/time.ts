/** Times and durations as the standards write them, all in hundredths of a second (SCORM's precision). */

/** Whole hundredths of a second in `ms` milliseconds, never below 0. */
export function centiseconds(ms: number): number {
  return Math.max(0, Math.round(ms / 10));
}

/** ISO 8601 duration in hundredths, as SCORM 2004 `timeinterval` and xAPI `duration`: `PT1H2M3.45S`, `PT0S`. */
export function isoDuration(ms: number): string {
  const cs = centiseconds(ms);
  const hours = Math.floor(cs / 360_000);
  const minutes = Math.floor((cs % 360_000) / 6000);
  const seconds = (cs % 6000) / 100;
  let out = 'PT';
  if (hours) out += `${hours}H`;
  if (minutes) out += `${minutes}M`;
  if (seconds || (!hours && !minutes)) out += `${formatSeconds(seconds)}S`;
  return out;
}

function formatSeconds(seconds: number): string {
  // At most two decimals, no trailing zeros: 3.4 → "3.4", 3.45 → "3.45", 3 → "3".
  return String(Number(seconds.toFixed(2)));
}

/** SCORM 1.2 CMITimespan `HHHH:MM:SS.SS`, capped at the largest value it can hold. */
export function scorm12Timespan(ms: number): string {
  const cs = Math.min(centiseconds(ms), 9999 * 360_000 + 359_999);
  const hours = Math.floor(cs / 360_000);
  const minutes = Math.floor((cs % 360_000) / 6000);
  const seconds = Math.floor((cs % 6000) / 100);
  const hundredths = cs % 100;
  return `${pad(hours, 4)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(hundredths, 2)}`;
}

/** SCORM 1.2 CMITime (a time of day, `HH:MM:SS`), in the learner's local time as the LMS shows it. */
export function scorm12TimeOfDay(date: Date): string {
  return `${pad(date.getHours(), 2)}:${pad(date.getMinutes(), 2)}:${pad(date.getSeconds(), 2)}`;
}

/** UTC timestamp in hundredths (`2026-11-27T15:40:01.12Z`), for SCORM 2004 `time(second,10,2)` and xAPI. */
export function isoTimestamp(date: Date): string {
  return date.toISOString().replace(/(\.\d{2})\dZ$/, '$1Z');
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
