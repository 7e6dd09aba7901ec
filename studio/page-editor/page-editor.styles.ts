import { css } from 'lit';
import { token } from '../../components/shared/tokens.styles.js';
import { studioStyles } from '../shared/studio.styles.js';

export const pageEditorStyles = [
  studioStyles,
  css`
    :host {
      display: block;
    }
    header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem;
      margin-bottom: 0.5rem;
    }
    header h2 {
      margin: 0;
    }
    .path {
      font-family: ui-monospace, monospace;
      font-size: 0.8rem;
      color: ${token('color-muted')};
    }
    details.fields {
      border: 1px solid ${token('color-border-muted')};
      border-radius: ${token('radius')};
      padding: 0.4rem 0.75rem;
      margin-bottom: 0.75rem;
      background: ${token('color-surface')};
    }
    details.fields summary {
      cursor: pointer;
      font-weight: 600;
    }
    .grid {
      display: grid;
      grid-template-columns: 1fr 8rem;
      gap: 0 1rem;
      margin-top: 0.5rem;
    }
    .grid fieldset {
      grid-column: 1 / -1;
    }
    fieldset label {
      font-weight: normal;
      display: flex;
      gap: 0.4rem;
      align-items: baseline;
    }
    .panes {
      display: grid;
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      gap: 0.75rem;
      align-items: start;
    }
    .pane h3 {
      font-size: 0.95rem;
      margin: 0 0 0.35rem;
    }
    .editor {
      border: 1px solid ${token('color-border')};
      border-radius: ${token('radius')};
      background: ${token('color-surface')};
      overflow: hidden;
    }
    /* The editor grows with its text (the page scrolls), so it is not a second scrolling region to reach by key. */
    .editor .cm-editor {
      min-height: 24rem;
      font-size: 0.95rem;
    }
    .editor .cm-editor.cm-focused {
      outline: 3px solid ${token('color-focus')};
      outline-offset: 2px;
    }
    .editor .cm-scroller {
      font-family: ui-monospace, 'Noto Sans Mono CJK SC', monospace;
      line-height: 1.6;
    }
    .preview {
      border: 1px solid ${token('color-border-muted')};
      border-radius: ${token('radius')};
      background: ${token('color-surface')};
      padding: 0 1rem;
      position: sticky;
      top: 0.5rem;
      max-height: calc(100vh - 2rem);
      overflow: auto;
    }
    .status {
      min-height: 1.5rem;
      margin: 0.5rem 0;
    }
    .saved {
      color: ${token('color-success')};
    }
    .problems {
      margin-top: 0.5rem;
    }
    @media (max-width: 1100px) {
      .panes {
        grid-template-columns: 1fr;
      }
    }
  `,
];
