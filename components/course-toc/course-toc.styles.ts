import { css } from 'lit';

export const courseTocStyles = css`
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
    border-bottom: 1px solid var(--course-color-border, #d8dee6);
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
    color: var(--course-color-success, #1b7f3b);
  }
  .status.in-progress {
    color: var(--course-color-primary, #0b5cad);
  }
  .status.not-started,
  .status.locked {
    color: var(--course-color-muted, #5c6670);
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
    border-radius: var(--course-radius, 8px);
  }
  a:hover {
    background: var(--course-color-surface-alt, #eef4fb);
  }
  a[aria-current='page'] {
    background: var(--course-color-surface-alt, #eef4fb);
    font-weight: 600;
    box-shadow: inset 3px 0 0 var(--course-color-primary, #0b5cad);
  }
  a:focus-visible,
  summary:focus-visible {
    outline: 3px solid var(--course-color-focus, #f5a623);
    outline-offset: -3px;
  }
  .mark {
    flex: none;
    width: 1.2em;
    text-align: center;
  }
  .mark.done {
    color: var(--course-color-success, #1b7f3b);
  }
  .kind {
    color: var(--course-color-muted, #5c6670);
    font-size: 0.8em;
    white-space: nowrap;
  }
  .label {
    flex: 1;
  }
  @media (prefers-reduced-motion: reduce) {
    summary::before {
      transition: none;
    }
  }
`;
