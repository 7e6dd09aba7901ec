import { css } from 'lit';
import { visuallyHidden } from '../shared/visually-hidden.styles.js';
import { baseStyles, token } from '../shared/tokens.styles.js';

/**
 * Styles of `<role-play>`. Theming through course custom properties (each with a fallback); a chat-like transcript
 * with the customer on the left and the learner on the right; 44 px touch targets; visible focus; colour is never
 * the only signal (every state also has text and an icon); animations only when motion is welcome.
 */
const rolePlayOwnStyles = css`
  :host {
    display: block;
    color: ${token('color-text')};
    font: inherit;
    line-height: 1.6;
    --_primary: ${token('color-primary')};
    --_success: ${token('color-success')};
    --_error: ${token('color-error')};
    --_warning: ${token('color-warning')};
    --_muted: ${token('color-muted')};
    --_surface: ${token('color-surface')};
    --_surface-alt: ${token('color-surface-alt')};
    --_primary-soft: ${token('color-primary-soft')};
    --_border: ${token('color-border')};
    --_focus: ${token('color-focus')};
    --_radius: ${token('radius')};
    --_space: ${token('space')};
  }

  .base {
    display: grid;
    gap: var(--_space);
  }

  h2,
  h3 {
    margin: 0;
    line-height: 1.35;
  }

  h2 {
    font-size: 1.2rem;
  }

  h3 {
    font-size: 1.05rem;
  }

  p {
    margin: 0;
  }

  [tabindex='-1']:focus {
    outline: none;
  }

  [tabindex='-1']:focus-visible,
  button:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  /* Scenario */

  .scenario {
    display: grid;
    gap: calc(var(--_space) / 2);
    padding: var(--_space);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }

  .facts {
    display: grid;
    gap: calc(var(--_space) / 4);
    margin: 0;
  }

  .facts div {
    display: flex;
    flex-wrap: wrap;
    column-gap: 0.5em;
  }

  .facts dt {
    font-weight: 600;
  }

  .facts dt::after {
    content: '：';
  }

  .facts dd {
    margin: 0;
    flex: 1 1 12em;
  }

  /* Transcript */

  .dialogue {
    display: grid;
    gap: calc(var(--_space) / 2);
  }

  .transcript {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.75);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .turn {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) / 2);
    border-radius: var(--_radius);
    animation: appear 200ms ease-out;
  }

  .msg {
    max-inline-size: min(88%, 40rem);
    padding: calc(var(--_space) * 0.6) calc(var(--_space) * 0.8);
    border-radius: var(--_radius);
    overflow-wrap: anywhere;
  }

  .customer {
    align-self: flex-start;
    background: var(--_surface-alt);
    border: 1px solid var(--_border);
    border-end-start-radius: 2px;
  }

  .learner {
    align-self: flex-end;
    background: var(--_primary-soft);
    border: 1px solid var(--_primary);
    border-end-end-radius: 2px;
  }

  .narration {
    color: var(--_muted);
    font-style: italic;
    text-align: center;
    padding-inline: var(--_space);
  }

  .speaker {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.6em;
    font-size: 0.875rem;
    font-weight: 600;
    color: var(--_muted);
  }

  .mood {
    display: inline-flex;
    align-items: center;
    gap: 0.25em;
    padding: 0 0.5em;
    border-radius: 999px;
    background: var(--_surface);
    border: 1px solid var(--_border);
    font-weight: 400;
    color: ${token('color-text')};
  }

  .current .customer {
    border-width: 2px;
  }

  /* Replies */

  form {
    display: grid;
    gap: calc(var(--_space) * 0.75);
  }

  fieldset {
    display: grid;
    gap: calc(var(--_space) / 2);
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }

  legend {
    padding: 0;
    margin-block-end: calc(var(--_space) / 2);
    font-weight: 600;
    font-size: 1.05rem;
  }

  .option {
    display: flex;
    align-items: flex-start;
    gap: 0.75em;
    min-block-size: 44px;
    padding: calc(var(--_space) * 0.6) calc(var(--_space) * 0.75);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    cursor: pointer;
    transition:
      border-color 150ms,
      background-color 150ms;
  }

  .option:hover {
    border-color: var(--_primary);
  }

  .option:has(input:checked) {
    border: 2px solid var(--_primary);
    background: var(--_primary-soft);
  }

  .option:has(input:focus-visible) {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  .option input {
    flex: none;
    inline-size: 1.25rem;
    block-size: 1.25rem;
    margin: 0.2em 0 0;
    accent-color: var(--_primary);
  }

  .error {
    color: var(--_error);
    font-weight: 600;
  }

  /* Buttons */

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
  }

  button {
    min-block-size: 44px;
    min-inline-size: 44px;
    padding: 0.5em 1.5em;
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_primary);
    color: #ffffff;
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }

  button:hover {
    filter: brightness(1.1);
  }

  /* Feedback */

  .feedback {
    display: grid;
    gap: calc(var(--_space) / 2);
    padding: var(--_space);
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    border-inline-start: 6px solid var(--_warning);
    background: var(--_surface);
  }

  /* The live region stays in the accessibility tree while empty, so that its feedback is announced. */
  .feedback:empty {
    padding: 0;
    border: 0;
    margin-block-start: calc(var(--_space) * -1);
  }

  .feedback.is-best {
    border-inline-start-color: var(--_success);
  }

  .feedback .verdict {
    color: var(--_warning);
  }

  .feedback.is-best .verdict {
    color: var(--_success);
  }

  /* A harmful reply: red, a cross and its own words, never the amber of a reply that could be better. */
  .feedback.is-harmful {
    border-inline-start-color: var(--_error);
    border-inline-start-style: double;
    border-inline-start-width: 8px;
  }

  .feedback.is-harmful .verdict {
    color: var(--_error);
  }

  .path .harmful .points,
  .capped {
    color: var(--_error);
    font-weight: 600;
  }

  .rule {
    font-weight: 600;
  }

  .score {
    font-variant-numeric: tabular-nums;
    font-weight: 600;
  }

  /* Ending */

  .ending {
    display: grid;
    gap: calc(var(--_space) * 0.75);
    padding: var(--_space);
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    border-block-start: 6px solid var(--_outcome, var(--_warning));
  }

  .ending.good {
    --_outcome: var(--_success);
  }

  .ending.neutral {
    --_outcome: var(--_warning);
  }

  .ending.bad {
    --_outcome: var(--_error);
  }

  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
    margin-inline-end: 0.5em;
    padding: 0.1em 0.6em;
    border-radius: 999px;
    background: var(--_outcome, var(--_warning));
    color: #ffffff;
    font-size: 0.9rem;
    vertical-align: 0.1em;
  }

  .met {
    font-weight: 600;
    color: var(--_success);
  }

  .met.not-met {
    color: var(--_error);
  }

  .path {
    display: grid;
    gap: calc(var(--_space) / 2);
    margin: 0;
    padding-inline-start: 1.75em;
  }

  .path .points {
    display: block;
    color: var(--_muted);
    font-size: 0.9rem;
  }

  @keyframes appear {
    /* Movement only: fading would lower the contrast of text while it appears. */
    from {
      transform: translateY(6px);
    }
    to {
      transform: none;
    }
  }

  @media (max-width: 480px) {
    .msg {
      max-inline-size: 94%;
    }

    .actions button {
      flex: 1 1 auto;
    }
  }
`;

export const rolePlayStyles = [baseStyles, visuallyHidden, rolePlayOwnStyles];
