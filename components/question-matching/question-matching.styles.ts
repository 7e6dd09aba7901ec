import { css } from 'lit';

export const styles = css`
  .rows {
    display: grid;
    gap: calc(var(--course-space, 1rem) / 2);
  }

  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
    padding: 0.5rem 0.75rem;
    border: 2px solid var(--course-color-border, #8a8a8a);
    border-radius: var(--course-radius, 8px);
    background: var(--course-color-surface, #fff);
  }

  .row.marked-correct {
    border-color: var(--course-color-success, #1b7f3b);
  }

  .row.marked-incorrect {
    border-color: var(--course-color-error, #b3261e);
  }

  .source {
    flex: 1 1 8rem;
    min-width: 0;
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  .arrow {
    flex: none;
    color: var(--course-color-text-muted, #595959);
  }

  select {
    flex: 1 1 10rem;
    min-width: 0;
    max-width: 100%;
    min-height: 44px;
    padding: 0.25rem 0.5rem;
    border: 2px solid var(--course-color-border, #8a8a8a);
    border-radius: var(--course-radius, 8px);
    background: var(--course-color-surface, #fff);
  }

  select:disabled {
    color: var(--course-color-text, #1f1f1f);
    background: var(--course-color-surface-muted, #f3f3f3);
    opacity: 1;
  }
`;
