import { css } from 'lit';

export const styles = css`
  .hint {
    margin: 0 0 0.5rem;
    font-size: 0.875em;
    color: var(--course-color-text-muted, #595959);
  }

  :host([disabled]) .hint {
    display: none;
  }

  .list {
    display: grid;
    gap: calc(var(--course-space, 1rem) / 2);
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
    border: 2px solid var(--course-color-border, #8a8a8a);
    border-radius: var(--course-radius, 8px);
    background: var(--course-color-surface, #fff);
  }

  .item.grabbed {
    border-color: var(--course-color-primary, #0b5cad);
    border-style: dashed;
    background: var(--course-color-primary-soft, #e8f0fa);
    box-shadow: 0 2px 8px rgb(0 0 0 / 20%);
  }

  .item.dragging {
    opacity: 0.6;
  }

  .item.marked-correct {
    border-color: var(--course-color-success, #1b7f3b);
  }

  .item.marked-incorrect {
    border-color: var(--course-color-error, #b3261e);
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
    border-radius: calc(var(--course-radius, 8px) - 2px);
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
    background: var(--course-color-primary, #0b5cad);
    color: var(--course-color-on-primary, #fff);
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
    border: 2px solid var(--course-color-primary, #0b5cad);
    border-radius: var(--course-radius, 8px);
    background: var(--course-color-surface, #fff);
    color: var(--course-color-primary, #0b5cad);
    font-size: 1.25em;
    cursor: pointer;
  }

  .move:disabled {
    border-color: var(--course-color-border-muted, #c4c4c4);
    color: var(--course-color-text-muted, #595959);
    cursor: default;
  }

  :host([disabled]) .moves {
    display: none;
  }

  .mark {
    padding-inline: 0.5rem;
  }
`;
