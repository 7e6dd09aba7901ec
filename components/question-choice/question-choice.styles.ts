import { css } from 'lit';

export const styles = css`
  .options {
    display: grid;
    gap: calc(var(--course-space, 1rem) / 2);
  }

  .option {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
    min-height: 44px;
    padding: 0.5rem 0.75rem;
    border: 2px solid var(--course-color-border, #8a8a8a);
    border-radius: var(--course-radius, 8px);
    background: var(--course-color-surface, #fff);
    cursor: pointer;
  }

  .option:hover {
    border-color: var(--course-color-primary, #0b5cad);
  }

  .option.selected {
    border-color: var(--course-color-primary, #0b5cad);
    background: var(--course-color-primary-soft, #e8f0fa);
  }

  .option:has(input:focus-visible) {
    outline: 3px solid var(--course-color-focus, #0b5cad);
    outline-offset: 2px;
  }

  .option.marked-correct,
  .option.marked-answer {
    border-color: var(--course-color-success, #1b7f3b);
  }

  .option.marked-answer {
    border-style: dashed;
  }

  .option.marked-incorrect {
    border-color: var(--course-color-error, #b3261e);
  }

  :host([disabled]) .option {
    cursor: default;
  }

  input {
    flex: none;
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
    accent-color: var(--course-color-primary, #0b5cad);
    cursor: inherit;
  }

  .text {
    flex: 1 1 12rem;
    min-width: 0;
    overflow-wrap: anywhere;
  }
`;
