/**
 * A marked extension that lets `*` emphasis open and close next to Chinese (and Japanese, Korean) text the way
 * trainers write it. CommonMark does not close `**服务的本质是解决问题。**客户` (a closer after punctuation must be
 * followed by a space or punctuation) nor open `是**“首问负责制”**`; Chinese puts no spaces between words, so both
 * are the normal way to write. Follows the rule of markdown-it-cjk-friendly / remark-cjk-friendly: a CJK character
 * (ideograph, kana, hangul, CJK punctuation, full-width form) next to a delimiter run counts like whitespace when
 * the other side is punctuation. Runs not touching CJK are left to marked, so Latin text parses exactly as before.
 */
import type { MarkedExtension } from 'marked';

const WHITESPACE = /^\s$/u;
const PUNCTUATION = /^[\p{P}\p{S}]$/u;
/** Ideographs, kana, hangul, CJK symbols and punctuation (。「」、), and full-width forms (，！：（）). */
const CJK =
  /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\u30fc\uff00-\uffef\ufe30-\ufe4f]$/u;

const isSpace = (c: string): boolean => c === '' || WHITESPACE.test(c);
const isPunct = (c: string): boolean => PUNCTUATION.test(c);
export const isCjk = (c: string): boolean => CJK.test(c);

/** Whether a run of `*` between `before` and `after` may open emphasis ('' stands for the start or end of the text). */
export function canOpen(before: string, after: string): boolean {
  if (isSpace(after)) return false;
  return !isPunct(after) || isSpace(before) || isPunct(before) || isCjk(before);
}

/** Whether a run of `*` between `before` and `after` may close emphasis. */
export function canClose(before: string, after: string): boolean {
  if (isSpace(before)) return false;
  return !isPunct(before) || isSpace(after) || isPunct(after) || isCjk(after);
}

/** The last code point of `text` before `end`, '' at the start. */
function charBefore(text: string, end: number): string {
  if (end <= 0) return '';
  const code = text.codePointAt(end - 1) ?? 0;
  // A low surrogate: step back over the whole pair.
  if (end >= 2 && code >= 0xdc00 && code <= 0xdfff) return String.fromCodePoint(text.codePointAt(end - 2) ?? 0);
  return String.fromCodePoint(code);
}

function charAt(text: string, index: number): string {
  const code = text.codePointAt(index);
  return code === undefined ? '' : String.fromCodePoint(code);
}

function runLength(text: string, index: number): number {
  let end = index;
  while (text[end] === '*') end++;
  return end - index;
}

/**
 * The extension: an `emStrong` tokenizer that pairs `*`, `**` and `***` runs by the CJK-friendly rules when the
 * opener or the closer touches a CJK character, and otherwise hands over to marked's own.
 */
export function cjkFriendlyEmphasis(): MarkedExtension {
  return {
    tokenizer: {
      emStrong(src: string, maskedSrc: string) {
        if (src[0] !== '*') return false;
        const size = runLength(src, 0);
        if (size > 3) return false;
        // maskedSrc is the whole inline text with code spans, links and escapes masked, at the same offsets.
        const start = maskedSrc.length - src.length;
        const before = charBefore(maskedSrc, start);
        const after = charAt(maskedSrc, start + size);
        if (!canOpen(before, after)) return false;
        for (let i = start + size; i < maskedSrc.length;) {
          if (maskedSrc[i] !== '*') {
            i++;
            continue;
          }
          const length = runLength(maskedSrc, i);
          const closeBefore = charBefore(maskedSrc, i);
          const closeAfter = charAt(maskedSrc, i + length);
          if (length === size && i > start + size && canClose(closeBefore, closeAfter)) {
            const touchesCjk = [before, after, closeBefore, closeAfter].some(isCjk);
            if (!touchesCjk) return false;
            const raw = src.slice(0, i - start + size);
            const text = raw.slice(size, -size);
            if (size === 1) return { type: 'em', raw, text, tokens: this.lexer.inlineTokens(text) };
            const inner = size === 3 ? `*${text}*` : text;
            return { type: 'strong', raw, text: inner, tokens: this.lexer.inlineTokens(inner) };
          }
          i += length;
        }
        return false;
      },
    },
  };
}
