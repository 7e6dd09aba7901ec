import { css } from 'lit';
import { visuallyHidden } from '../shared/visually-hidden.styles.js';

/** Styles every question input shares: hidden live regions, focus ring, touch targets, marks, reduced motion. */
const questionStyles = css`
  :host {
    display: block;
    font-size: var(--course-font-size, 1rem);
    line-height: 1.6;
    color: var(--course-color-text, #1f1f1f);
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  :focus-visible {
    outline: 3px solid var(--course-color-focus, #0b5cad);
    outline-offset: 2px;
  }

  button,
  input,
  select {
    font: inherit;
    color: inherit;
  }

  .mark {
    display: inline-flex;
    align-items: center;
    gap: 0.25em;
    flex: none;
    font-weight: 600;
    white-space: nowrap;
  }

  .mark-correct,
  .mark-answer {
    color: var(--course-color-success, #1b7f3b);
  }

  .mark-incorrect {
    color: var(--course-color-error, #b3261e);
  }

  .mark-icon {
    font-size: 1.1em;
  }

  @media (prefers-reduced-motion: no-preference) {
    .animated {
      transition:
        background-color 150ms ease,
        border-color 150ms ease,
        box-shadow 150ms ease,
        transform 150ms ease;
    }
  }

  @media (forced-colors: active) {
    .mark {
      forced-color-adjust: auto;
    }
  }
`;

export const sharedStyles = [visuallyHidden, questionStyles];
