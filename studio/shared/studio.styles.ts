import { css } from 'lit';
import { baseStyles, token } from '../../components/shared/tokens.styles.js';
import { visuallyHidden } from '../../components/shared/visually-hidden.styles.js';

/** What every studio component shares: the course's base styles and tokens, buttons, form fields, headings. */
export const studioStyles = [
  baseStyles,
  visuallyHidden,
  css`
    :host {
      font-family: ${token('font')};
      color: ${token('color-text')};
      font-size: 0.95rem;
      line-height: 1.5;
    }
    h2,
    h3 {
      color: ${token('color-strong')};
      line-height: 1.3;
      margin: 0 0 0.75rem;
    }
    h2 {
      font-size: 1.25rem;
    }
    h3 {
      font-size: 1.05rem;
    }
    button,
    .button {
      font: inherit;
      display: inline-flex;
      align-items: center;
      gap: 0.3em;
      min-height: 2rem;
      padding: 0.25rem 0.75rem;
      border: 1px solid ${token('color-border')};
      border-radius: ${token('radius')};
      background: ${token('color-surface')};
      color: ${token('color-text')};
      cursor: pointer;
      text-decoration: none;
    }
    button:hover,
    .button:hover {
      background: ${token('color-primary-soft')};
    }
    button.primary {
      background: ${token('color-primary')};
      border-color: ${token('color-primary')};
      color: ${token('color-on-primary')};
    }
    button.danger {
      color: ${token('color-error')};
      border-color: ${token('color-error')};
    }
    button[disabled] {
      cursor: not-allowed;
      opacity: 0.6;
    }
    button.icon {
      min-width: 2rem;
      padding: 0.15rem 0.35rem;
      justify-content: center;
    }
    label {
      font-weight: 600;
    }
    input,
    select,
    textarea {
      font: inherit;
      padding: 0.3rem 0.5rem;
      border: 1px solid ${token('color-border')};
      border-radius: calc(${token('radius')} / 2);
      background: ${token('color-surface')};
      color: ${token('color-text')};
    }
    input[aria-invalid='true'] {
      border-color: ${token('color-error')};
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      margin-bottom: 0.75rem;
    }
    .hint {
      color: ${token('color-muted')};
      font-size: 0.875rem;
    }
    .error {
      color: ${token('color-error')};
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
    }
    fieldset {
      border: 1px solid ${token('color-border-muted')};
      border-radius: ${token('radius')};
      margin: 0 0 0.75rem;
      padding: 0.5rem 0.75rem;
    }
    legend {
      font-weight: 600;
      padding: 0 0.25rem;
    }
    dialog {
      border: 1px solid ${token('color-border')};
      border-radius: ${token('radius')};
      padding: 1.25rem;
      max-width: min(32rem, 92vw);
      color: ${token('color-text')};
    }
    dialog::backdrop {
      background: rgb(0 0 0 / 0.35);
    }
  `,
];
