import { css } from 'lit';
import { token } from '../../components/shared/tokens.styles.js';
import { studioStyles } from '../shared/studio.styles.js';

export const studioOutlineStyles = [
  studioStyles,
  css`
    :host {
      display: block;
    }
    ol {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    ol.items {
      margin: 0.15rem 0 0.3rem 1rem;
      border-inline-start: 2px solid ${token('color-border-muted')};
      padding-inline-start: 0.35rem;
    }
    .row {
      display: flex;
      align-items: center;
      gap: 0.15rem;
      border-radius: calc(${token('radius')} / 2);
      padding: 1px 0;
    }
    .row.drop-before {
      box-shadow: inset 0 3px 0 ${token('color-primary')};
    }
    .row.drop-after {
      box-shadow: inset 0 -3px 0 ${token('color-primary')};
    }
    li.dragging > .row {
      opacity: 0.5;
    }
    .title {
      flex: 1;
      min-width: 0;
      justify-content: flex-start;
      text-align: start;
      border-color: transparent;
      background: transparent;
      padding-inline: 0.35rem;
    }
    .title[aria-current='page'] {
      background: ${token('color-primary-soft')};
      border-color: ${token('color-primary')};
      font-weight: 600;
    }
    .module > .row > .title {
      font-weight: 600;
      color: ${token('color-strong')};
    }
    .label {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .kind {
      flex: none;
      font-size: 0.75rem;
      color: ${token('color-muted')};
      border: 1px solid ${token('color-border-muted')};
      border-radius: 999px;
      padding: 0 0.4rem;
    }
    .row button.icon {
      min-height: 1.75rem;
      min-width: 1.75rem;
      border-color: transparent;
      background: transparent;
    }
    .row button.icon:hover {
      border-color: ${token('color-border')};
    }
    .add {
      margin: 0.2rem 0 0.6rem 1rem;
      gap: 0.3rem;
    }
    .add button {
      min-height: 1.75rem;
      font-size: 0.85rem;
      padding: 0 0.5rem;
    }
    .top {
      margin-bottom: 0.75rem;
    }
    .refused {
      margin-top: 0.75rem;
    }
  `,
];
