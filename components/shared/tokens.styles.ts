import { css, unsafeCSS, type CSSResult } from 'lit';

/**
 * The design tokens: each `--course-<name>` custom property with its one default value. Components read a token with
 * `token(name)`, which writes `var(--course-<name>, <default>)`, so a default is written only here and a page (or an
 * LMS theme) overrides any token by setting the custom property on `<course-player>` or an ancestor. Documented with
 * `@cssprop` on `<course-player>`.
 */
export const TOKENS = {
  'color-primary': '#0b5cad',
  'color-on-primary': '#fff',
  'color-primary-soft': '#e7f0fa',
  'color-header': '#0b4a8b',
  'color-strong': '#0f2f57',
  'color-text': '#1d232a',
  'color-muted': '#5c6670',
  'color-bg': '#f4f6f9',
  'color-surface': '#fff',
  'color-surface-alt': '#eef4fb',
  'color-surface-muted': '#f3f4f6',
  // Boundaries of controls (WCAG 1.4.11: ≥3:1 on white); dividers and disabled controls use the muted border.
  'color-border': '#8a939e',
  'color-border-muted': '#d8dee6',
  'color-success': '#1b7f3b',
  'color-error': '#b3261e',
  'color-warning': '#8a5300',
  // 4.7:1 on white, 4.3:1 on the page background (WCAG 2.4.13 asks 3:1), and distinct from the primary blue.
  'color-focus': '#b35c00',
  font: "system-ui, -apple-system, 'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif",
  'font-size': '1rem',
  radius: '8px',
  space: '1rem',
} as const;

export type TokenName = keyof typeof TOKENS;

/** `var(--course-<name>, <default>)` for use inside a `css` template. */
export function token(name: TokenName): CSSResult {
  return unsafeCSS(`var(--course-${name}, ${TOKENS[name]})`);
}

/**
 * What every component's shadow root shares: border-box sizing, `hidden` that hides, one focus ring, room above a
 * focused element for the sticky header (WCAG 2.4.11), and motion only for those who have not asked for less.
 */
export const baseStyles = css`
  :host {
    box-sizing: border-box;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 3px solid ${token('color-focus')};
    outline-offset: 2px;
  }
  [tabindex='-1'] {
    scroll-margin-block: 5rem 1rem;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      animation-iteration-count: 1 !important;
      transition-duration: 0.01ms !important;
      scroll-behavior: auto !important;
    }
  }
`;
