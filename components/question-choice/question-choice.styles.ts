import { css } from 'lit';
import { token } from '../shared/tokens.styles.js';

export const styles = css`
  .options {
    display: grid;
    gap: calc(${token('space')} / 2);
  }

  .option {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
    min-height: 44px;
    padding: 0.5rem 0.75rem;
    border: 2px solid ${token('color-border')};
    border-radius: ${token('radius')};
    background: ${token('color-surface')};
    cursor: pointer;
  }

  .option:hover {
    border-color: ${token('color-primary')};
  }

  .option.selected {
    border-color: ${token('color-primary')};
    background: ${token('color-primary-soft')};
  }

  .option:has(input:focus-visible) {
    outline: 3px solid ${token('color-focus')};
    outline-offset: 2px;
  }

  .option.marked-correct,
  .option.marked-answer {
    border-color: ${token('color-success')};
  }

  .option.marked-answer {
    border-style: dashed;
  }

  .option.marked-incorrect {
    border-color: ${token('color-error')};
  }

  :host([disabled]) .option {
    cursor: default;
  }

  input {
    flex: none;
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
    accent-color: ${token('color-primary')};
    cursor: inherit;
  }

  .text {
    flex: 1 1 12rem;
    min-width: 0;
    overflow-wrap: anywhere;
  }
`;
