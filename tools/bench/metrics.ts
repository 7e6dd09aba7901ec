/**
 * The benchmark's pure arithmetic (no browser, no I/O), so it can be unit-tested: medians and ratios, the bytes a page
 * transferred before a moment (from DevTools protocol network events), and when a page starts to respond to input.
 */

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** `a / b` to two decimals; null when either side is missing or `b` is zero. */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a == null || b == null || b === 0) return null;
  return Math.round((a / b) * 100) / 100;
}

/** The DevTools protocol events the bench records, as they arrive (`Network.*`; only the fields used here). */
export type NetworkEvent =
  | {
      method: 'Network.requestWillBeSent';
      params: { requestId: string; timestamp: number; wallTime: number; request: { url: string }; type?: string };
    }
  | {
      method: 'Network.responseReceived';
      params: { requestId: string; timestamp: number; type?: string; response: { mimeType: string; url: string } };
    }
  | { method: 'Network.loadingFinished'; params: { requestId: string; timestamp: number; encodedDataLength: number } }
  | { method: 'Network.loadingFailed'; params: { requestId: string; timestamp: number; errorText: string } };

export interface Transfer {
  url: string;
  kind: 'js' | 'css' | 'other';
  /** Bytes on the wire (headers and the possibly compressed body). */
  bytes: number;
  /** Epoch milliseconds. */
  start: number;
  /** Epoch milliseconds (finished or failed); null while still loading. */
  end: number | null;
  /** When the response headers arrived (epoch ms), null before. */
  responded: number | null;
  failed: boolean;
}

const kindOf = (type: string | undefined, mime: string | undefined, url: string): Transfer['kind'] => {
  if (type === 'Script' || /javascript|ecmascript/.test(mime ?? '') || /\.m?js(\?|$)/.test(url)) return 'js';
  if (type === 'Stylesheet' || /text\/css/.test(mime ?? '') || /\.css(\?|$)/.test(url)) return 'css';
  return 'other';
};

/**
 * Turns `Network.*` events into one entry per request, with epoch times: the protocol's timestamps are monotonic
 * seconds, and `requestWillBeSent` carries both clocks (`wallTime` in epoch seconds), which gives the offset.
 */
export function transfers(events: readonly NetworkEvent[]): Transfer[] {
  const byId = new Map<string, Transfer & { type?: string; mime?: string }>();
  let offset: number | null = null;
  const epoch = (monotonic: number) => (monotonic + (offset ?? 0)) * 1000;
  for (const event of events) {
    if (event.method === 'Network.requestWillBeSent') {
      const p = event.params;
      offset ??= p.wallTime - p.timestamp;
      // A redirect reuses the id: the new hop replaces the old one.
      byId.set(p.requestId, {
        url: p.request.url,
        kind: 'other',
        bytes: 0,
        start: epoch(p.timestamp),
        end: null,
        responded: null,
        failed: false,
        ...(p.type ? { type: p.type } : {}),
      });
    } else {
      const entry = byId.get(event.params.requestId);
      if (!entry) continue;
      if (event.method === 'Network.responseReceived') {
        if (event.params.type) entry.type = event.params.type;
        entry.mime = event.params.response.mimeType;
        entry.responded = epoch(event.params.timestamp);
      } else if (event.method === 'Network.loadingFinished') {
        entry.bytes = event.params.encodedDataLength;
        entry.end = epoch(event.params.timestamp);
      } else {
        entry.failed = true;
        entry.end = epoch(event.params.timestamp);
      }
    }
  }
  return [...byId.values()].map(({ type, mime, ...t }) => ({ ...t, kind: kindOf(type, mime, t.url) }));
}

export interface Bytes {
  js: number;
  css: number;
  total: number;
  requests: number;
}

/** What had finished loading by `moment` (epoch ms): bytes of JavaScript, CSS and everything, and the request count. */
export function bytesBefore(list: readonly Transfer[], moment: number): Bytes {
  const done = list.filter((t) => !t.failed && t.end !== null && t.end <= moment && !t.url.startsWith('data:'));
  const sum = (kind?: Transfer['kind']) =>
    done.filter((t) => kind === undefined || t.kind === kind).reduce((s, t) => s + t.bytes, 0);
  return { js: sum('js'), css: sum('css'), total: sum(), requests: done.length };
}

export interface Span {
  start: number;
  end: number;
}

/**
 * When the page starts to respond to input, after Lighthouse's time to interactive: from `from` (the moment the
 * first text shows), the end of the last long task (main-thread work over 50 ms) before the first `window` ms with no
 * long task and at most two requests in flight. Lighthouse waits for 5 s of quiet; the bench uses a shorter window
 * (see the caller). Null when no such quiet window has passed by `now`.
 */
export function timeToInteractive(input: {
  from: number;
  longTasks: readonly Span[];
  requests: readonly { start: number; end: number | null }[];
  window: number;
  now: number;
}): number | null {
  const { from, longTasks, requests, window, now } = input;
  const tasks = [...longTasks].sort((a, b) => a.start - b.start);
  const inFlightAt = (t: number) => requests.filter((r) => r.start <= t && (r.end === null || r.end > t)).length;
  // The quiet window can open when the first text shows, when a long task ends or when a request ends.
  const ends = [...tasks.map((t) => t.end), ...requests.map((r) => r.end ?? from)].filter((end) => end > from);
  const candidates = [from, ...ends].sort((a, b) => a - b);
  for (const start of candidates) {
    const end = start + window;
    if (end > now) return null;
    if (tasks.some((t) => t.end > start && t.start < end)) continue;
    // In-flight count only rises when a request starts: check the window's start and every start inside it.
    const moments = [start, ...requests.map((r) => r.start).filter((s) => s > start && s < end)];
    if (moments.some((m) => inFlightAt(m) > 2)) continue;
    // The page responds once the last long task before the quiet window has ended.
    return Math.max(from, ...tasks.filter((t) => t.end <= start).map((t) => t.end));
  }
  return null;
}
