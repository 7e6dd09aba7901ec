import { css } from 'lit';
import { token } from '../shared/tokens.styles.js';

export const styles = css`
  :host {
    display: block;
    max-width: 48rem;
  }

  .question {
    min-width: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }

  .prompt {
    display: block;
    width: 100%;
    margin-bottom: ${token('space')};
    padding: 0;
    font-size: 1.125em;
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  .type-hint {
    display: block;
    margin-top: 0.25rem;
    font-size: 0.8em;
    font-weight: 400;
    color: ${token('color-muted')};
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    margin-top: ${token('space')};
  }

  .check,
  .retry {
    min-width: 44px;
    min-height: 44px;
    padding: 0.5rem 1.25rem;
    border: 2px solid ${token('color-primary')};
    border-radius: ${token('radius')};
    font-weight: 600;
    cursor: pointer;
  }

  .check {
    background: ${token('color-primary')};
    color: ${token('color-on-primary')};
  }

  .retry {
    background: ${token('color-surface')};
    color: ${token('color-primary')};
  }

  .check:disabled {
    border-color: ${token('color-border-muted')};
    background: ${token('color-surface-muted')};
    color: ${token('color-muted')};
    cursor: not-allowed;
  }

  .tries {
    margin: 0;
    font-size: 0.875em;
    color: ${token('color-muted')};
  }

  .feedback {
    margin-top: ${token('space')};
  }

  .feedback:focus {
    outline: none;
  }

  .feedback:focus-visible {
    outline: 3px solid ${token('color-focus')};
    outline-offset: 2px;
  }

  .feedback.filled {
    padding: 0.75rem 1rem;
    border-inline-start: 4px solid ${token('color-border')};
    border-radius: ${token('radius')};
    background: ${token('color-surface-muted')};
  }

  .feedback p,
  .feedback ul,
  .feedback ol {
    margin: 0 0 0.5rem;
  }

  .feedback > :last-child {
    margin-bottom: 0;
  }

  .verdict {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.5rem;
    font-weight: 700;
  }

  .verdict-correct {
    color: ${token('color-success')};
  }

  .verdict-partial {
    color: ${token('color-warning')};
  }

  .verdict-incorrect {
    color: ${token('color-error')};
  }

  .verdict-icon {
    font-size: 1.2em;
  }

  .score {
    font-weight: 400;
    color: ${token('color-text')};
  }

  .option-feedback {
    display: grid;
    gap: 0.5rem;
    padding: 0;
    list-style: none;
  }

  .option-feedback li {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.5rem;
    overflow-wrap: anywhere;
  }

  .picked {
    font-weight: 600;
  }

  .label {
    font-weight: 700;
  }

  .correct-answer ul,
  .correct-answer ol {
    margin: 0.25rem 0 0.5rem;
    padding-inline-start: 1.5rem;
  }

  .explanation {
    overflow-wrap: anywhere;
  }
`;
