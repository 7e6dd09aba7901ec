import { css } from 'lit';
import { baseStyles, token } from '../shared/tokens.styles.js';

/** Reading typography for page content rendered from markdown. */
const pageStyles = css`
  :host {
    display: block;
    line-height: 1.75;
    font-size: calc(${token('font-size')} * 1.0625);
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
    color: ${token('color-strong')};
  }
  blockquote {
    margin-inline: 0;
    padding: 0.75em 1em;
    border-inline-start: 4px solid ${token('color-primary')};
    background: ${token('color-surface-alt')};
    border-radius: 0 ${token('radius')} ${token('radius')} 0;
  }
  blockquote > :last-child {
    margin-bottom: 0;
  }
  a {
    color: ${token('color-primary')};
    text-underline-offset: 0.15em;
  }
  a:focus-visible,
  .table-scroll:focus-visible {
    outline: 3px solid ${token('color-focus')};
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
    border-radius: ${token('radius')};
  }
  table {
    border-collapse: collapse;
    min-width: 100%;
    font-size: 0.95em;
  }
  th,
  td {
    border: 1px solid ${token('color-border-muted')};
    padding: 0.5em 0.65em;
    text-align: start;
    vertical-align: top;
  }
  th {
    background: ${token('color-surface-alt')};
  }
`;

export const coursePageStyles = [baseStyles, pageStyles];
