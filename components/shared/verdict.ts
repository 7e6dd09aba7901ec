/** How a checked answer or a scored question is shown: one verdict scale, one icon each, one way to print points. */
export type Verdict = 'correct' | 'partial' | 'incorrect';

/** The icon beside a verdict's words (never colour alone); decorative, so always `aria-hidden`. */
export const VERDICT_ICON: Record<Verdict, string> = { correct: '✓', partial: '◐', incorrect: '✗' };

/** Full marks (or a success) is correct, some credit partial, none incorrect. */
export function verdictOf(success: boolean, scaled: number): Verdict {
  if (success || scaled >= 1) return 'correct';
  return scaled > 0 ? 'partial' : 'incorrect';
}

/** Points without floating-point noise: 0.6666 → "0.67", 1.5000000000000002 → "1.5", 1 → "1". */
export function formatPoints(value: number): string {
  return String(Math.round(value * 100) / 100);
}
