/**
 * Normalisation of fill-in answers as Chinese input methods produce them: full-width letters, digits and spaces,
 * Chinese and Latin punctuation, stray spaces and Latin case must not make a right answer wrong.
 */

/** Whitespace, including the ideographic space and zero-width characters an IME may leave behind. */
const WHITESPACE = /[\s\u200b-\u200d\u2060\ufeff]/gu;

/**
 * Punctuation of any script (Chinese ，。、；：？！“”‘’（）《》【】…—· and Latin ,.;:?!"'()[]- etc.) plus the
 * symbol-like characters people use as punctuation (~ ` ^ | and the like).
 */
const PUNCTUATION = /[\p{P}~`^|¦]/gu;

/**
 * Returns the comparable form of a fill-in text: Unicode NFKC (full-width → half-width, ideographic space → space,
 * compatibility forms folded), no whitespace, no punctuation, lower-case.
 *
 * @example normaliseFillIn('ＡＢＣ　１２３。') === 'abc123'
 */
export function normaliseFillIn(input: string): string {
  return input.normalize('NFKC').replace(WHITESPACE, '').replace(PUNCTUATION, '').toLowerCase();
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
