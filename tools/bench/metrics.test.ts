import { describe, expect, it } from 'vitest';
import { bytesBefore, median, ratio, timeToInteractive, transfers, type NetworkEvent } from './metrics.js';

describe('median and ratio', () => {
  it('takes the middle value, or the mean of the two middle ones, without reordering the input', () => {
    const values = [5, 1, 4, 2, 3];
    expect(median(values)).toBe(3);
    expect(values).toEqual([5, 1, 4, 2, 3]);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(() => median([])).toThrow(/no values/);
  });

  it('divides to two decimals and gives null when a side is missing or zero', () => {
    expect(ratio(1132, 569)).toBe(1.99);
    expect(ratio(null, 5)).toBeNull();
    expect(ratio(5, 0)).toBeNull();
  });
});

/** A page as the DevTools protocol reports it: monotonic seconds, with the wall clock 1,000,000 s ahead. */
const WALL = 1_000_000;
function load(id: string, url: string, type: string, mime: string, start: number, end: number | 'failed', bytes = 0) {
  const events: NetworkEvent[] = [
    {
      method: 'Network.requestWillBeSent',
      params: { requestId: id, timestamp: start, wallTime: start + WALL, request: { url }, type },
    },
    {
      method: 'Network.responseReceived',
      params: { requestId: id, timestamp: start + 0.05, type, response: { mimeType: mime, url } },
    },
  ];
  if (end === 'failed')
    events.push({ method: 'Network.loadingFailed', params: { requestId: id, timestamp: start + 0.1, errorText: 'x' } });
  else
    events.push({
      method: 'Network.loadingFinished',
      params: { requestId: id, timestamp: end, encodedDataLength: bytes },
    });
  return events;
}

describe('network events', () => {
  const events = [
    ...load('1', 'http://127.0.0.1/course/index.html', 'Document', 'text/html', 10, 10.2, 1000),
    ...load('2', 'http://127.0.0.1/course/app.js', 'Script', 'text/javascript', 10.3, 10.6, 12_000),
    ...load('3', 'http://127.0.0.1/course/style.css', 'Stylesheet', 'text/css', 10.3, 10.5, 3000),
    ...load('4', 'http://127.0.0.1/course/content/course.json', 'Fetch', 'application/json', 10.7, 11.0, 4000),
    ...load('5', 'http://127.0.0.1/course/late.js', 'Script', 'text/javascript', 11.5, 12.0, 9000),
    ...load('6', 'https://cdn.example.com/font.woff2', 'Font', 'font/woff2', 10.4, 'failed'),
  ];

  it('turns protocol events into requests with epoch times, kinds and bytes on the wire', () => {
    const list = transfers(events);
    expect(list).toHaveLength(6);
    expect(list[1]).toMatchObject({
      kind: 'js',
      bytes: 12_000,
      start: (10.3 + WALL) * 1000,
      end: (10.6 + WALL) * 1000,
    });
    expect(list[2]!.kind).toBe('css');
    expect(list[3]!.kind).toBe('other');
    expect(list[5]).toMatchObject({ failed: true, bytes: 0 });
  });

  it('counts only what finished loading before the moment, by kind, failed requests aside', () => {
    const firstText = (11.2 + WALL) * 1000;
    expect(bytesBefore(transfers(events), firstText)).toEqual({ js: 12_000, css: 3000, total: 20_000, requests: 4 });
  });
});

describe('time to interactive', () => {
  const base = { requests: [], window: 2000, now: 20_000 };

  it('is the first text when nothing runs long after it', () => {
    expect(timeToInteractive({ ...base, from: 1000, longTasks: [{ start: 200, end: 400 }] })).toBe(1000);
  });

  it('is the end of the last long task before a quiet window', () => {
    const longTasks = [
      { start: 1200, end: 1300 },
      { start: 2500, end: 2600 },
      { start: 9000, end: 9100 },
    ];
    expect(timeToInteractive({ ...base, from: 1000, longTasks })).toBe(2600);
  });

  it('waits while more than two requests are in flight', () => {
    const requests = [
      { start: 900, end: 5000 },
      { start: 950, end: 5000 },
      { start: 1000, end: 4000 },
    ];
    expect(timeToInteractive({ ...base, from: 1000, longTasks: [], requests })).toBe(1000);
    // With a long task after the busy stretch, the page responds once it has ended.
    expect(timeToInteractive({ ...base, from: 1000, longTasks: [{ start: 3000, end: 3500 }], requests })).toBe(3500);
  });

  it('is null until a whole quiet window has passed', () => {
    expect(timeToInteractive({ ...base, from: 1000, longTasks: [], now: 2500 })).toBeNull();
  });
});
