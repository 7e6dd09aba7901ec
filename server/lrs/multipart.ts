/** multipart/mixed bodies (statements with attachments, Communication 1.5.2), parsed and written. */
import { randomBytes } from 'node:crypto';
import { badRequest } from './errors.js';

export interface Part {
  headers: Record<string, string>;
  body: Buffer;
}

export function boundaryOf(contentType: string): string | null {
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m ? (m[1] ?? m[2] ?? null) : null;
}

export function parseMultipart(body: Buffer, boundary: string): Part[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Part[] = [];
  let pos = body.indexOf(delimiter);
  if (pos < 0) throw badRequest('multipart body has no part with the declared boundary');
  for (;;) {
    pos += delimiter.length;
    if (body.subarray(pos, pos + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, pos);
    if (next < 0) throw badRequest('multipart body is not closed by its boundary');
    let chunk = body.subarray(pos, next);
    if (chunk.subarray(0, 2).toString() === '\r\n') chunk = chunk.subarray(2);
    else if (chunk.subarray(0, 1).toString() === '\n') chunk = chunk.subarray(1);
    if (chunk.subarray(-2).toString() === '\r\n') chunk = chunk.subarray(0, -2);
    else if (chunk.subarray(-1).toString() === '\n') chunk = chunk.subarray(0, -1);
    let split = chunk.indexOf('\r\n\r\n');
    let gap = 4;
    if (split < 0) {
      split = chunk.indexOf('\n\n');
      gap = 2;
    }
    if (split < 0) throw badRequest('multipart part has no blank line after its headers');
    const headers: Record<string, string> = {};
    for (const line of chunk.subarray(0, split).toString('utf8').split(/\r?\n/)) {
      const colon = line.indexOf(':');
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    parts.push({ headers, body: chunk.subarray(split + gap) });
    pos = next;
  }
  return parts;
}

export function writeMultipart(parts: Part[]): { contentType: string; body: Buffer } {
  const boundary = `xapi-${randomBytes(12).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const head = Object.entries(part.headers)
      .map(([k, v]) => `${k}: ${v}`)
      .join('\r\n');
    chunks.push(Buffer.from(`--${boundary}\r\n${head}\r\n\r\n`), part.body, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { contentType: `multipart/mixed; boundary=${boundary}`, body: Buffer.concat(chunks) };
}
