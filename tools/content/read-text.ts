import { readFileSync } from 'node:fs';
import type { DiagnosticList } from './diagnostics.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a content file as UTF-8 text. A byte-order mark is dropped (Windows editors write one); a file that is not
 * valid UTF-8 (most often GBK, what Notepad's "ANSI" writes on Chinese Windows) is reported and yields null, so
 * learners never see mojibake.
 */
export function readContentText(file: string, relPath: string, diagnostics: DiagnosticList): string | null {
  const bytes = readFileSync(file);
  let text: string;
  try {
    // TextDecoder drops a leading BOM by itself.
    text = utf8.decode(bytes);
  } catch {
    // The first line that is not UTF-8 by itself (GBK bytes can pass as UTF-8 by chance, so not the first bad byte).
    const lines = splitLines(bytes);
    const index = Math.max(
      0,
      lines.findIndex((l) => firstInvalidUtf8(l) < l.length),
    );
    const lineBytes = lines[index] ?? bytes;
    const line = index + 1;
    const asGbk = decodeGbk(lineBytes);
    const firstWide = lineBytes.findIndex((b) => b >= 0x80);
    const column = Math.max(0, firstWide) + 1;
    const quote = asGbk ? `按 GBK 读出来是“${asGbk.trim().slice(0, 40)}”，` : '';
    diagnostics.add(
      relPath,
      { line, column },
      'encoding-not-utf8',
      {
        zh: `文件不是 UTF-8 编码（第 ${line} 行${quote}多半是用“记事本”或其他编辑器按 GBK/ANSI 保存的）。学员会看到一堆乱码。`,
        en: `The file is not UTF-8 (line ${line}; probably saved as GBK/ANSI), so learners would see garbled text.`,
      },
      {
        zh: '用 VS Code 打开这个文件：如果中文显示为乱码，先点窗口右下角的编码（如“UTF-8”）→“通过编码重新打开”→ 选“GBK”，确认文字正常后，再点右下角的编码 →“通过编码保存”→ 选“UTF-8”。记事本：“另存为”时把“编码”选为“UTF-8”。',
        en: 'In VS Code: click the encoding in the bottom-right corner → "Reopen with Encoding" → GBK, check the text, then the encoding again → "Save with Encoding" → UTF-8. In Notepad: "Save as" with encoding UTF-8.',
      },
    );
    return null;
  }
  const bad = text.indexOf(REPLACEMENT);
  if (bad >= 0) {
    const before = text.slice(0, bad);
    const line = before.split('\n').length;
    diagnostics.add(
      relPath,
      { line, column: bad - before.lastIndexOf('\n') },
      'replacement-character',
      {
        zh: `第 ${line} 行有乱码字符“${REPLACEMENT}”：这段文字在某次复制或转换编码时已经损坏，学员会看到乱码。`,
        en: `Line ${line} holds the replacement character "${REPLACEMENT}": the text was damaged by an earlier encoding conversion.`,
      },
      {
        zh: '从原始材料（Word 文档、网页等）重新复制这段文字，替换掉乱码。',
        en: 'Copy the text again from its original (document, web page) and replace the damaged part.',
      },
    );
    return null;
  }
  return text;
}

/** U+FFFD, what a decoder puts in place of bytes it cannot read: never meant, always a sign of lost text. */
export const REPLACEMENT = '\ufffd';

function splitLines(bytes: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      lines.push(bytes.subarray(start, i));
      start = i + 1;
    }
  }
  return lines;
}

/** Byte offset of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length =
      b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (!length) return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    try {
      utf8.decode(bytes.subarray(i, i + length));
    } catch {
      return i; // overlong or surrogate forms
    }
    i += length;
  }
  return bytes.length;
}

function decodeGbk(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('gbk', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
