import { css } from 'lit';
import { token } from '../../components/shared/tokens.styles.js';
import { studioStyles } from '../shared/studio.styles.js';

/**
 * What both form editors add to the studio's shared styles (buttons, inputs, hints, actions, dialogs): the save bar,
 * sections, the field grid, problems and lists of entries.
 */
export const editorStyles = [
  studioStyles,
  css`
    :host {
      display: block;
      font-size: ${token('font-size')};
    }
    h2,
    h3,
    h4 {
      color: ${token('color-strong')};
      margin: 0 0 calc(${token('space')} / 2);
    }
    .bar {
      position: sticky;
      top: 0;
      z-index: 2;
      display: flex;
      flex-wrap: wrap;
      gap: calc(${token('space')} / 2);
      align-items: center;
      padding: calc(${token('space')} / 2) 0;
      background: ${token('color-bg')};
      border-bottom: 1px solid ${token('color-border-muted')};
    }
    .bar .status {
      margin: 0 auto 0 0;
      color: ${token('color-muted')};
    }
    section,
    fieldset {
      margin: 0 0 ${token('space')};
      padding: ${token('space')};
      background: ${token('color-surface')};
      border: 1px solid ${token('color-border-muted')};
      border-radius: ${token('radius')};
    }
    .field {
      display: grid;
      gap: 0.25rem;
      margin: 0 0 0.75rem;
    }
    .label {
      font-weight: 600;
    }
    legend {
      color: ${token('color-strong')};
    }
    .required {
      color: ${token('color-error')};
    }
    input[type='text'],
    input[type='number'],
    textarea,
    select {
      width: 100%;
    }
    textarea {
      resize: vertical;
    }
    .invalid input,
    .invalid textarea,
    .invalid select,
    [aria-invalid='true'] {
      border-color: ${token('color-error')};
      border-width: 2px;
    }
    .problems {
      margin: 0.25rem 0;
      padding: 0 0 0 1.25rem;
      color: ${token('color-error')};
    }
    .problems .warning {
      color: ${token('color-warning')};
    }
    .problems .where {
      font-weight: 600;
    }
    .problems .fix {
      display: block;
      color: ${token('color-text')};
    }
    .alert {
      padding: calc(${token('space')} / 2) ${token('space')};
      border-left: 4px solid ${token('color-error')};
      background: ${token('color-surface')};
    }
    .entries {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.5rem;
    }
    .entry-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.375rem;
      align-items: center;
    }
    .choice-row {
      font-weight: 400;
      display: flex;
      gap: 0.5rem;
      align-items: baseline;
      margin: 0.25rem 0;
    }
    .badge {
      display: inline-block;
      padding: 0 0.375rem;
      border-radius: ${token('radius')};
      background: ${token('color-error')};
      color: ${token('color-on-primary')};
      font-size: 0.875em;
    }
  `,
];
