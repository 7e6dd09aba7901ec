import { css } from 'lit';
import { baseStyles, token } from '../shared/tokens.styles.js';

const tocStyles = css`
  :host {
    display: block;
    font-size: 0.95rem;
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  details {
    border-bottom: 1px solid ${token('color-border-muted')};
  }
  summary {
    display: flex;
    align-items: flex-start;
    gap: 0.5rem;
    padding: 0.75rem 0.5rem;
    min-height: 44px;
    box-sizing: border-box;
    cursor: pointer;
    font-weight: 600;
    list-style: none;
  }
  summary::-webkit-details-marker {
    display: none;
  }
  summary::before {
    content: '▸';
    flex: none;
    transition: transform 0.15s;
  }
  details[open] > summary::before {
    transform: rotate(90deg);
  }
  .module-title {
    flex: 1;
  }
  .status {
    flex: none;
    font-weight: 400;
    font-size: 0.8rem;
    padding: 0.1rem 0.45rem;
    border-radius: 999px;
    border: 1px solid currentColor;
    white-space: nowrap;
  }
  .status.completed {
    color: ${token('color-success')};
  }
  .status.in-progress {
    color: ${token('color-primary')};
  }
  .status.not-started,
  .status.locked {
    color: ${token('color-muted')};
  }
  .items {
    padding: 0 0 0.5rem;
  }
  a {
    display: flex;
    gap: 0.5rem;
    align-items: flex-start;
    min-height: 44px;
    box-sizing: border-box;
    padding: 0.6rem 0.5rem 0.6rem 1.6rem;
    color: inherit;
    text-decoration: none;
    border-radius: ${token('radius')};
  }
  a:hover {
    background: ${token('color-surface-alt')};
  }
  a[aria-current='page'] {
    background: ${token('color-surface-alt')};
    font-weight: 600;
    box-shadow: inset 3px 0 0 ${token('color-primary')};
  }
  a:focus-visible,
  summary:focus-visible {
    outline: 3px solid ${token('color-focus')};
    outline-offset: -3px;
  }
  .mark {
    flex: none;
    width: 1.2em;
    text-align: center;
  }
  .mark.done {
    color: ${token('color-success')};
  }
  .kind {
    color: ${token('color-muted')};
    font-size: 0.8em;
    white-space: nowrap;
  }
  .label {
    flex: 1;
  }
`;

export const courseTocStyles = [baseStyles, tocStyles];
