import { css } from 'lit';
import { token } from '../../components/shared/tokens.styles.js';
import { studioStyles } from '../shared/studio.styles.js';

export const studioAppStyles = [
  studioStyles,
  css`
    :host {
      display: block;
      min-height: 100vh;
      background: ${token('color-bg')};
    }
    .skip {
      position: absolute;
      inset-inline-start: 0.5rem;
      top: -3rem;
      z-index: 10;
      background: ${token('color-surface')};
    }
    .skip:focus {
      top: 0.5rem;
    }
    header.banner {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.75rem 1.25rem;
      padding: 0.5rem 1rem;
      background: ${token('color-header')};
      color: ${token('color-on-primary')};
    }
    header.banner h1 {
      font-size: 1.15rem;
      margin: 0;
      color: inherit;
    }
    header.banner .course {
      opacity: 0.9;
    }
    header.banner nav {
      margin-inline-start: auto;
    }
    header.banner button[aria-current='page'],
    header.banner button[aria-pressed='true'] {
      font-weight: 700;
      border-color: ${token('color-primary')};
      background: ${token('color-primary-soft')};
    }
    .layout {
      display: grid;
      grid-template-columns: minmax(18rem, 22rem) minmax(0, 1fr);
      gap: 1rem;
      padding: 1rem;
      align-items: start;
    }
    nav.outline {
      background: ${token('color-surface')};
      border: 1px solid ${token('color-border-muted')};
      border-radius: ${token('radius')};
      padding: 0.75rem;
      position: sticky;
      top: 0.5rem;
      max-height: calc(100vh - 1rem);
      overflow: auto;
    }
    main {
      min-width: 0;
      background: ${token('color-surface')};
      border: 1px solid ${token('color-border-muted')};
      border-radius: ${token('radius')};
      padding: 1rem;
    }
    aside.problems {
      margin-top: 1rem;
      background: ${token('color-surface-muted')};
      border: 1px solid ${token('color-border-muted')};
      border-radius: ${token('radius')};
      padding: 0.75rem 1rem;
    }
    aside.problems header {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 1rem;
    }
    aside.problems h2 {
      margin: 0;
      font-size: 1.05rem;
    }
    .token {
      max-width: 32rem;
      margin: 3rem auto;
      background: ${token('color-surface')};
      border: 1px solid ${token('color-border-muted')};
      border-radius: ${token('radius')};
      padding: 1.5rem;
    }
    .token h1 {
      font-size: 1.35rem;
      color: ${token('color-strong')};
      margin-top: 0;
    }
    .token input {
      width: 100%;
    }
    code {
      font-family: ui-monospace, monospace;
    }
    @media (max-width: 900px) {
      .layout {
        grid-template-columns: 1fr;
      }
      nav.outline {
        position: static;
        max-height: none;
      }
    }
  `,
];
