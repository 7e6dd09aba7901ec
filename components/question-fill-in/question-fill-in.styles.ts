import { css } from 'lit';

export const styles = css`
  label {
    display: block;
    margin-bottom: 0.25rem;
    font-weight: 600;
  }

  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
  }

  input {
    flex: 1 1 12rem;
    min-width: 0;
    max-width: 100%;
    min-height: 44px;
    padding: 0.5rem 0.75rem;
    border: 2px solid var(--course-color-border, #8a8a8a);
    border-radius: var(--course-radius, 8px);
    background: var(--course-color-surface, #fff);
  }

  input:focus-visible {
    border-color: var(--course-color-primary, #0b5cad);
  }

  input:disabled {
    color: var(--course-color-text, #1f1f1f);
    background: var(--course-color-surface-muted, #f3f3f3);
    opacity: 1;
  }

  input.marked-correct {
    border-color: var(--course-color-success, #1b7f3b);
  }

  input.marked-incorrect {
    border-color: var(--course-color-error, #b3261e);
  }
`;
