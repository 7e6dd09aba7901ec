import { css } from 'lit';

export const coursePlayerStyles = css`
  :host {
    display: block;
    min-height: 100vh;
    min-height: 100dvh;
    color: var(--course-color-text, #1d232a);
    background: var(--course-color-bg, #f4f6f9);
    font-family: var(
      --course-font,
      system-ui,
      -apple-system,
      'PingFang SC',
      'Noto Sans CJK SC',
      'Microsoft YaHei',
      sans-serif
    );
  }
  a {
    color: var(--course-color-link, #0b5cad);
  }
  button,
  select {
    font: inherit;
  }
  :focus-visible {
    outline: 3px solid var(--course-color-focus, #f5a623);
    outline-offset: 2px;
  }

  .skip-link {
    position: absolute;
    left: 0.5rem;
    top: -4rem;
    z-index: 10;
    padding: 0.75rem 1rem;
    background: var(--course-color-surface, #fff);
    border-radius: var(--course-radius, 8px);
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
    background: var(--course-color-header, #0b4a8b);
    color: #fff;
  }
  .course-title {
    flex: 1 1 12rem;
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
    border-radius: var(--course-radius, 8px);
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
    flex: 1 1 10rem;
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
    background: var(--course-color-surface, #fff);
    border-bottom: 1px solid var(--course-color-border, #d8dee6);
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
    outline: 3px solid var(--course-color-focus, #f5a623);
  }
  .course-status {
    margin: 0.5rem;
    padding: 0.5rem 0.75rem;
    border-radius: var(--course-radius, 8px);
    background: var(--course-color-surface-alt, #eef4fb);
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
    background: var(--course-color-surface, #fff);
    border-radius: var(--course-radius, 8px);
    padding: 1.25rem 1rem 1.5rem;
    box-shadow: 0 1px 3px rgb(0 0 0 / 0.08);
  }
  .eyebrow {
    margin: 0 0 0.25rem;
    font-size: 0.875rem;
    color: var(--course-color-muted, #5c6670);
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
    outline: 3px solid var(--course-color-focus, #f5a623);
  }
  .meta {
    margin: -0.5rem 0 1rem;
    font-size: 0.875rem;
    color: var(--course-color-muted, #5c6670);
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
    border-radius: var(--course-radius, 8px);
    border: 1px solid var(--course-color-primary, #0b5cad);
    background: var(--course-color-surface, #fff);
    text-decoration: none;
    flex: 1 1 12rem;
    max-width: 100%;
  }
  .pager a.next {
    text-align: end;
    background: var(--course-color-primary, #0b5cad);
    color: #fff;
  }
  .pager small {
    font-size: 0.8rem;
    opacity: 0.85;
  }
  .end-note {
    margin: 0;
    padding: 0.6rem 0;
    color: var(--course-color-muted, #5c6670);
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
      border-inline-end: 1px solid var(--course-color-border, #d8dee6);
    }
    main {
      padding: 2rem;
    }
    article {
      padding: 2rem 2.5rem;
    }
  }
`;
