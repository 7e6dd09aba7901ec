import { css } from 'lit';
import { token } from '../shared/tokens.styles.js';

export const styles = css`
  .hint {
    margin: 0 0 0.5rem;
    font-size: 0.875em;
    color: ${token('color-muted')};
  }

  :host([disabled]) .hint {
    display: none;
  }

  .list {
    display: grid;
    gap: calc(${token('space')} / 2);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .item {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    padding: 0.25rem;
    border: 2px solid ${token('color-border')};
    border-radius: ${token('radius')};
    background: ${token('color-surface')};
  }

  .item.grabbed {
    border-color: ${token('color-primary')};
    border-style: dashed;
    background: ${token('color-primary-soft')};
    box-shadow: 0 2px 8px rgb(0 0 0 / 20%);
  }

  .item.dragging {
    opacity: 0.6;
  }

  .item.marked-correct {
    border-color: ${token('color-success')};
  }

  .item.marked-incorrect {
    border-color: ${token('color-error')};
  }

  .handle {
    display: flex;
    flex: 1 1 10rem;
    align-items: center;
    gap: 0.75rem;
    min-width: 0;
    min-height: 44px;
    padding: 0.25rem 0.5rem;
    border: 0;
    border-radius: calc(${token('radius')} - 2px);
    background: transparent;
    text-align: start;
    cursor: grab;
  }

  .handle[aria-pressed='true'] {
    cursor: grabbing;
  }

  .handle:disabled {
    cursor: default;
  }

  .position {
    display: inline-grid;
    flex: none;
    place-items: center;
    min-width: 1.75rem;
    height: 1.75rem;
    border-radius: 50%;
    background: ${token('color-primary')};
    color: ${token('color-on-primary')};
    font-weight: 600;
  }

  .text {
    overflow-wrap: anywhere;
  }

  .moves {
    display: inline-flex;
    gap: 0.25rem;
    margin-inline-start: auto;
  }

  .move {
    min-width: 44px;
    min-height: 44px;
    border: 2px solid ${token('color-primary')};
    border-radius: ${token('radius')};
    background: ${token('color-surface')};
    color: ${token('color-primary')};
    font-size: 1.25em;
    cursor: pointer;
  }

  .move:disabled {
    border-color: ${token('color-border-muted')};
    color: ${token('color-muted')};
    cursor: default;
  }

  :host([disabled]) .moves {
    display: none;
  }

  .mark {
    padding-inline: 0.5rem;
  }
`;
