import { css } from 'lit';
import { baseStyles, token } from '../shared/tokens.styles.js';

const playerStyles = css`
  :host {
    display: block;
    min-height: 100vh;
    min-height: 100dvh;
    color: ${token('color-text')};
    background: ${token('color-bg')};
    font-family: ${token('font')};
  }
  a {
    color: ${token('color-primary')};
  }
  button,
  select {
    font: inherit;
  }

  .skip-link {
    position: absolute;
    left: 0.5rem;
    top: -4rem;
    z-index: 10;
    padding: 0.75rem 1rem;
    background: ${token('color-surface')};
    border-radius: ${token('radius')};
  }
  .skip-link:focus {
    top: 0.5rem;
  }

  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    padding: 0.5rem 1rem;
    background: ${token('color-header')};
    color: ${token('color-on-primary')};
  }
  header :focus-visible {
    outline-color: ${token('color-on-primary')};
  }
  .course-title {
    flex: 1 1 min(12rem, 100%);
    margin: 0;
    font-size: 1rem;
    font-weight: 600;
    line-height: 1.3;
  }
  header button,
  header select {
    min-height: 44px;
    padding: 0 0.75rem;
    color: inherit;
    background: transparent;
    border: 1px solid rgb(255 255 255 / 0.7);
    border-radius: ${token('radius')};
    cursor: pointer;
  }
  header select option {
    color: #1d232a;
  }
  header label {
    display: flex;
    align-items: center;
    gap: 0.4rem;
    font-size: 0.875rem;
  }
  .progress {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    font-size: 0.875rem;
    flex: 1 1 min(10rem, 100%);
    min-width: 0;
  }
  progress {
    flex: 1;
    height: 0.6rem;
    accent-color: #8fd3ff;
    min-width: 4rem;
  }

  .storage-warning {
    margin: 0;
    padding: 0.75rem 1rem;
    background: #fff4e5;
    color: #5f3700;
    border-bottom: 1px solid #f0c98a;
  }

  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
  }
  nav.toc {
    display: none;
    background: ${token('color-surface')};
    border-bottom: 1px solid ${token('color-border-muted')};
    padding: 0.5rem;
  }
  nav.toc.open {
    display: block;
  }
  .toc-heading {
    font-size: 1rem;
    margin: 0.5rem;
  }
  .toc-heading:focus {
    outline: none;
  }
  .toc-heading:focus-visible {
    outline: 3px solid ${token('color-focus')};
  }
  .course-status {
    margin: 0.5rem;
    padding: 0.5rem 0.75rem;
    border-radius: ${token('radius')};
    background: ${token('color-surface-alt')};
    font-size: 0.9rem;
  }

  main {
    padding: 1rem;
    max-width: 46rem;
    width: 100%;
    box-sizing: border-box;
    margin: 0 auto;
  }
  article {
    background: ${token('color-surface')};
    border-radius: ${token('radius')};
    padding: 1.25rem 1rem 1.5rem;
    box-shadow: 0 1px 3px rgb(0 0 0 / 0.08);
  }
  .eyebrow {
    margin: 0 0 0.25rem;
    font-size: 0.875rem;
    color: ${token('color-muted')};
  }
  h1 {
    margin: 0 0 1rem;
    font-size: 1.5rem;
    line-height: 1.35;
  }
  h1:focus {
    outline: none;
  }
  h1:focus-visible {
    outline: 3px solid ${token('color-focus')};
  }
  .meta {
    margin: -0.5rem 0 1rem;
    font-size: 0.875rem;
    color: ${token('color-muted')};
  }

  .pager {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    justify-content: space-between;
    margin-top: 1rem;
  }
  .pager a {
    display: flex;
    flex-direction: column;
    justify-content: center;
    min-height: 44px;
    box-sizing: border-box;
    padding: 0.6rem 1rem;
    border-radius: ${token('radius')};
    border: 1px solid ${token('color-primary')};
    background: ${token('color-surface')};
    text-decoration: none;
    flex: 1 1 min(12rem, 100%);
    max-width: 100%;
  }
  .pager a.next {
    text-align: end;
    background: ${token('color-primary')};
    color: #fff;
  }
  .pager small {
    font-size: 0.8rem;
    opacity: 0.85;
  }
  .end-note {
    margin: 0;
    padding: 0.6rem 0;
    color: ${token('color-muted')};
  }

  .notice {
    padding: 1rem;
  }
  .notice button {
    min-height: 44px;
    padding: 0 1rem;
    margin-top: 0.5rem;
  }

  @media (min-width: 900px) {
    /* Sticky only where there is room for it; on a phone the header scrolls away with the page. */
    header {
      position: sticky;
      top: 0;
      z-index: 5;
    }
    .menu-toggle {
      display: none;
    }
    .layout {
      grid-template-columns: 20rem minmax(0, 1fr);
      align-items: start;
    }
    nav.toc {
      display: block;
      position: sticky;
      top: 3.75rem;
      max-height: calc(100vh - 3.75rem);
      overflow-y: auto;
      border-bottom: 0;
      border-inline-end: 1px solid ${token('color-border-muted')};
    }
    main {
      padding: 2rem;
    }
    article {
      padding: 2rem 2.5rem;
    }
  }
`;

export const coursePlayerStyles = [baseStyles, playerStyles];
