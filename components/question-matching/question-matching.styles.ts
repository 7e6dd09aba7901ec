import { css } from 'lit';
import { token } from '../shared/tokens.styles.js';

export const styles = css`
  .rows {
    display: grid;
    gap: calc(${token('space')} / 2);
  }

  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
    padding: 0.5rem 0.75rem;
    border: 2px solid ${token('color-border')};
    border-radius: ${token('radius')};
    background: ${token('color-surface')};
  }

  .row.marked-correct {
    border-color: ${token('color-success')};
  }

  .row.marked-incorrect {
    border-color: ${token('color-error')};
  }

  .source {
    flex: 1 1 8rem;
    min-width: 0;
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  .arrow {
    flex: none;
    color: ${token('color-muted')};
  }

  select {
    flex: 1 1 10rem;
    min-width: 0;
    max-width: 100%;
    min-height: 44px;
    padding: 0.25rem 0.5rem;
    border: 2px solid ${token('color-border')};
    border-radius: ${token('radius')};
    background: ${token('color-surface')};
  }

  select:disabled {
    color: ${token('color-text')};
    background: ${token('color-surface-muted')};
    opacity: 1;
  }
`;
