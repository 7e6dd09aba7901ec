import { css } from 'lit';

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
    margin-bottom: var(--course-space, 1rem);
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
    color: var(--course-color-text-muted, #595959);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    margin-top: var(--course-space, 1rem);
  }

  .check,
  .retry {
    min-width: 44px;
    min-height: 44px;
    padding: 0.5rem 1.25rem;
    border: 2px solid var(--course-color-primary, #0b5cad);
    border-radius: var(--course-radius, 8px);
    font-weight: 600;
    cursor: pointer;
  }

  .check {
    background: var(--course-color-primary, #0b5cad);
    color: var(--course-color-on-primary, #fff);
  }

  .retry {
    background: var(--course-color-surface, #fff);
    color: var(--course-color-primary, #0b5cad);
  }

  .check:disabled {
    border-color: var(--course-color-border-muted, #c4c4c4);
    background: var(--course-color-surface-muted, #f3f3f3);
    color: var(--course-color-text-muted, #595959);
    cursor: not-allowed;
  }

  .tries {
    margin: 0;
    font-size: 0.875em;
    color: var(--course-color-text-muted, #595959);
  }

  .feedback {
    margin-top: var(--course-space, 1rem);
  }

  .feedback:focus {
    outline: none;
  }

  .feedback:focus-visible {
    outline: 3px solid var(--course-color-focus, #0b5cad);
    outline-offset: 2px;
  }

  .feedback.filled {
    padding: 0.75rem 1rem;
    border-inline-start: 4px solid var(--course-color-border, #8a8a8a);
    border-radius: var(--course-radius, 8px);
    background: var(--course-color-surface-muted, #f6f6f6);
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
    color: var(--course-color-success, #1b7f3b);
  }

  .verdict-partial {
    color: var(--course-color-warning, #8a5300);
  }

  .verdict-incorrect {
    color: var(--course-color-error, #b3261e);
  }

  .verdict-icon {
    font-size: 1.2em;
  }

  .score {
    font-weight: 400;
    color: var(--course-color-text, #1f1f1f);
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
