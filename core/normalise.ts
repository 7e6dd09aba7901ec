/**
 * Normalisation of fill-in answers as Chinese input methods produce them: full-width letters, digits and spaces,
 * Chinese and Latin punctuation, stray spaces and Latin case must not make a right answer wrong. Punctuation between
 * two digits carries meaning ("5～6" is a range, "5.6" a decimal, "56" neither), so it is never dropped there: each
 * way of writing the same thing is folded into one sign instead.
 */

/** Whitespace, including the ideographic space and zero-width characters an IME may leave behind. */
const WHITESPACE = /[\s\u200b-\u200d\u2060\ufeff]/gu;

/**
 * Punctuation of any script (Chinese ，。、；：？！“”‘’（）《》【】…—· and Latin ,.;:?!"'()[]- etc.) plus the
 * symbol-like characters people use as punctuation (~ ` ^ | and the like).
 */
const PUNCTUATION = /[\p{P}~`^|¦]/gu;

/**
 * A separator between two digits: a run of punctuation (or 至 / 到 / × / x), with optional spaces around it. The
 * digits themselves are not consumed, so "1-2-3" finds both separators.
 */
const DIGIT_SEPARATOR =
  /(?<=\d)[\s\u200b-\u200d\u2060\ufeff]*([\p{P}~`^|¦×*]+|[至到xX])[\s\u200b-\u200d\u2060\ufeff]*(?=\d)/gu;

/** Ways of writing a range between two numbers: 5～6, 5~6, 5-6, 5–6, 5—6, 5〜6, 5至6, 5到6. */
const RANGE = /^(?:[~\-‐‑‒–—―〜]+|至|到)$/u;

/** A decimal point as typed with a Latin or a Chinese keyboard (the Chinese full stop is on the same key). */
const DECIMAL = /^[.。]$/u;

/** Multiplication: 7×24, 7*24, 7x24. */
const TIMES = /^[×*xX]$/u;

/** The canonical sign for the separator `run` before the digits in `after`; '' when it is only grouping. */
function separatorSign(run: string, after: string): string {
  if (RANGE.test(run)) return '~';
  if (DECIMAL.test(run)) return '.';
  if (TIMES.test(run)) return '×';
  // A comma before exactly three digits groups thousands (10,000 = 10000); any other comma lists numbers (3、5).
  if (/^[,，]$/u.test(run)) return /^\d{3}(?!\d)/u.test(after) ? '' : ',';
  if (run === '、') return ',';
  return run;
}

/**
 * Returns the comparable form of a fill-in text: Unicode NFKC (full-width → half-width, ideographic space → space,
 * compatibility forms folded), no whitespace, no punctuation, lower-case; but a separator between two digits is
 * kept as one canonical sign (range `~`, decimal `.`, times `×`, list `,`; a thousands comma is dropped).
 *
 * @example normaliseFillIn('ＡＢＣ　１２３。') === 'abc123'
 * @example normaliseFillIn('5～6') === normaliseFillIn('5到6') === '5~6', not '56'
 */
export function normaliseFillIn(input: string): string {
  const text = input.normalize('NFKC');
  const plain = (part: string): string => part.replace(WHITESPACE, '').replace(PUNCTUATION, '').toLowerCase();
  let result = '';
  let last = 0;
  for (const match of text.matchAll(DIGIT_SEPARATOR)) {
    const end = match.index + match[0].length;
    result += plain(text.slice(last, match.index)) + separatorSign(match[1]!, text.slice(end));
    last = end;
  }
  return result + plain(text.slice(last));
}

/**
 * Whether the learner's `input` matches one of the accepted `answer` variants after normalisation.
 * An input that normalises to nothing (only spaces or punctuation) never matches.
 */
export function matchesFillIn(answer: readonly string[], input: string): boolean {
  const given = normaliseFillIn(input);
  if (given === '') return false;
  return answer.some((accepted) => normaliseFillIn(accepted) === given);
}
