import { css } from 'lit';

/** Reading typography for page content rendered from markdown. */
export const coursePageStyles = css`
  :host {
    display: block;
    line-height: 1.75;
    font-size: var(--course-font-size, 1.0625rem);
    overflow-wrap: anywhere;
  }
  h2 {
    font-size: 1.3em;
    margin: 1.6em 0 0.6em;
    line-height: 1.35;
  }
  h3 {
    font-size: 1.12em;
    margin: 1.4em 0 0.5em;
  }
  h4,
  h5,
  h6 {
    font-size: 1em;
    margin: 1.2em 0 0.4em;
  }
  p,
  ul,
  ol,
  blockquote {
    margin: 0 0 1em;
  }
  ul,
  ol {
    padding-inline-start: 1.5em;
  }
  li + li {
    margin-top: 0.3em;
  }
  strong {
    color: var(--course-color-strong, #0f2f57);
  }
  blockquote {
    margin-inline: 0;
    padding: 0.75em 1em;
    border-inline-start: 4px solid var(--course-color-primary, #0b5cad);
    background: var(--course-color-surface-alt, #eef4fb);
    border-radius: 0 var(--course-radius, 8px) var(--course-radius, 8px) 0;
  }
  blockquote > :last-child {
    margin-bottom: 0;
  }
  a {
    color: var(--course-color-link, #0b5cad);
    text-underline-offset: 0.15em;
  }
  a:focus-visible,
  .table-scroll:focus-visible {
    outline: 3px solid var(--course-color-focus, #f5a623);
    outline-offset: 2px;
  }
  img {
    max-width: 100%;
    height: auto;
  }
  code {
    font-family: ui-monospace, monospace;
    font-size: 0.92em;
  }
  .table-scroll {
    overflow-x: auto;
    margin: 0 0 1em;
    border-radius: var(--course-radius, 8px);
  }
  table {
    border-collapse: collapse;
    min-width: 100%;
    font-size: 0.95em;
  }
  th,
  td {
    border: 1px solid var(--course-color-border, #c9d1dc);
    padding: 0.5em 0.65em;
    text-align: start;
    vertical-align: top;
  }
  th {
    background: var(--course-color-surface-alt, #eef4fb);
  }
`;
