import { css } from 'lit';
import { token } from '../shared/tokens.styles.js';

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
    border: 2px solid ${token('color-border')};
    border-radius: ${token('radius')};
    background: ${token('color-surface')};
  }

  input:focus-visible {
    border-color: ${token('color-primary')};
  }

  input:disabled {
    color: ${token('color-text')};
    background: ${token('color-surface-muted')};
    opacity: 1;
  }

  input.marked-correct {
    border-color: ${token('color-success')};
  }

  input.marked-incorrect {
    border-color: ${token('color-error')};
  }
`;
