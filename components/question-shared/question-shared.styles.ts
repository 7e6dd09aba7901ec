import { css } from 'lit';
import { baseStyles, token } from '../shared/tokens.styles.js';
import { visuallyHidden } from '../shared/visually-hidden.styles.js';

/** Styles every question input shares: hidden live regions, focus ring, touch targets, marks, reduced motion. */
const questionStyles = css`
  :host {
    display: block;
    font-size: ${token('font-size')};
    line-height: 1.6;
    color: ${token('color-text')};
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
    color: ${token('color-success')};
  }

  .mark-incorrect {
    color: ${token('color-error')};
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

export const sharedStyles = [baseStyles, visuallyHidden, questionStyles];
