import { css } from 'lit';
import { baseStyles, token } from '../shared/tokens.styles.js';

const quizStyles = css`
  :host {
    --_primary: ${token('color-primary')};
    --_on-primary: ${token('color-on-primary')};
    --_success: ${token('color-success')};
    --_error: ${token('color-error')};
    --_partial: ${token('color-warning')};
    --_text: ${token('color-text')};
    --_muted: ${token('color-muted')};
    --_surface: ${token('color-surface')};
    --_surface-alt: ${token('color-surface-alt')};
    --_border: ${token('color-border')};
    --_focus: ${token('color-focus')};
    --_radius: ${token('radius')};
    --_space: ${token('space')};

    display: block;
    color: var(--_text);
    font: inherit;
    line-height: 1.6;
    max-width: 48rem;
    overflow-wrap: anywhere;
  }

  section {
    display: grid;
    gap: var(--_space);
  }

  h2,
  h3,
  p {
    margin: 0;
  }

  h2 {
    font-size: 1.25rem;
    line-height: 1.4;
  }

  [tabindex='-1']:focus {
    outline: none;
  }

  [tabindex='-1']:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 4px;
    border-radius: 2px;
  }

  /* Intro */
  .facts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
    gap: calc(var(--_space) / 2);
    margin: 0;
  }

  .facts > div {
    padding: calc(var(--_space) * 0.75);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }

  .facts dt {
    font-size: 0.875rem;
    color: var(--_muted);
  }

  .facts dd {
    margin: 0;
    font-size: 1.125rem;
    font-weight: 600;
  }

  /* Progress while answering */
  .progress {
    display: grid;
    gap: 0.375rem;
  }

  .progress-label {
    font-size: 1rem;
    font-weight: 600;
    color: var(--_muted);
  }

  .bar {
    height: 0.5rem;
    border-radius: 999px;
    background: var(--_surface-alt);
    border: 1px solid var(--_border);
    overflow: hidden;
  }

  .bar > span {
    display: block;
    height: 100%;
    background: var(--_primary);
    transition: width 0.2s ease;
  }

  /* Buttons */
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
    align-items: center;
  }

  .actions.split {
    justify-content: space-between;
  }

  button {
    min-height: 44px;
    min-width: 44px;
    padding: 0.5rem 1.25rem;
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_primary);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }

  button.primary {
    background: var(--_primary);
    color: var(--_on-primary);
  }

  button:hover:not(:disabled) {
    text-decoration: underline;
  }

  button:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  button:disabled {
    cursor: not-allowed;
    border-color: var(--_border);
    color: var(--_muted);
    background: var(--_surface-alt);
  }

  @media (max-width: 30rem) {
    .actions button {
      flex: 1 1 auto;
    }
  }

  /* Confirmation */
  dialog {
    max-width: min(28rem, calc(100vw - 2rem));
    padding: calc(var(--_space) * 1.25);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    color: var(--_text);
    background: var(--_surface);
  }

  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }

  dialog .actions {
    margin-top: var(--_space);
    justify-content: flex-end;
  }

  /* Result */
  .score {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.5rem;
  }

  .percent {
    font-size: 2.5rem;
    font-weight: 700;
    line-height: 1.1;
  }

  .verdict {
    display: flex;
    align-items: flex-start;
    gap: 0.5rem;
    padding: calc(var(--_space) * 0.75);
    border-radius: var(--_radius);
    border: 2px solid currentColor;
    font-weight: 600;
  }

  .verdict.passed {
    color: var(--_success);
  }

  .verdict.failed {
    color: var(--_error);
  }

  .icon {
    flex: none;
    display: inline-grid;
    place-items: center;
    width: 1.5rem;
    height: 1.5rem;
    border-radius: 50%;
    background: currentColor;
    font-size: 0.875rem;
    line-height: 1;
  }

  .icon > span {
    color: var(--_surface);
    font-weight: 700;
  }

  .summary-list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.5rem;
  }

  .summary-list li {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.25rem 0.75rem;
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-left-width: 6px;
    border-radius: var(--_radius);
  }

  .summary-list li.correct {
    border-left-color: var(--_success);
  }

  .summary-list li.partial {
    border-left-color: var(--_partial);
  }

  .summary-list li.incorrect {
    border-left-color: var(--_error);
  }

  .summary-list .status {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    font-weight: 600;
  }

  .summary-list li.correct .status {
    color: var(--_success);
  }

  .summary-list li.partial .status {
    color: var(--_partial);
  }

  .summary-list li.incorrect .status {
    color: var(--_error);
  }

  .summary-list .prompt {
    grid-column: 1 / -1;
  }

  .summary-list .points {
    grid-column: 1 / -1;
    color: var(--_muted);
    font-size: 0.875rem;
  }

  .note {
    color: var(--_muted);
  }

  /* Review */
  .review-list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(var(--_space) * 1.5);
  }

  .review-list > li {
    display: grid;
    gap: 0.5rem;
    padding-top: var(--_space);
    border-top: 1px solid var(--_border);
  }

  .review-label {
    font-size: 1rem;
    font-weight: 600;
    color: var(--_muted);
  }
`;

export const styles = [baseStyles, quizStyles];
