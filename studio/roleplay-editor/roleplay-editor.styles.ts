import { css } from 'lit';
import { token } from '../../components/shared/tokens.styles.js';

export const roleplayEditorStyles = css`
  .graph {
    display: grid;
    grid-template-columns: minmax(0, 1.4fr) minmax(16rem, 1fr);
    gap: ${token('space')};
    align-items: start;
  }
  .columns {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(0, 1.2fr);
    gap: ${token('space')};
    align-items: start;
  }
  @media (max-width: 60rem) {
    .graph,
    .columns {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  .drawing {
    overflow: auto;
    max-height: 70vh;
    border: 1px solid ${token('color-border-muted')};
    border-radius: ${token('radius')};
    background: ${token('color-bg')};
  }
  svg {
    display: block;
  }
  .node {
    cursor: pointer;
  }
  .node rect {
    fill: ${token('color-surface')};
    stroke: ${token('color-border')};
    stroke-width: 1.5;
  }
  .node.selected rect {
    stroke: ${token('color-primary')};
    stroke-width: 3;
  }
  .node.ending.good rect {
    fill: #e6f4ea;
  }
  .node.ending.bad rect {
    fill: #fbe9e7;
  }
  .node.unreachable rect {
    stroke: ${token('color-warning')};
    stroke-dasharray: 6 4;
    stroke-width: 2.5;
  }
  .node.dead-end rect,
  .node.has-problems rect {
    stroke: ${token('color-error')};
    stroke-width: 2.5;
  }
  .node-id {
    font-size: 12px;
    font-weight: 600;
    fill: ${token('color-strong')};
  }
  .node-text {
    font-size: 13px;
    fill: ${token('color-text')};
  }
  .edge {
    stroke: ${token('color-muted')};
    stroke-width: 1.5;
    fill: none;
  }
  .edge.harmful {
    stroke: ${token('color-error')};
    stroke-dasharray: 5 3;
  }
  marker path {
    fill: ${token('color-muted')};
  }
  .route {
    margin: 0;
    padding: 0.5rem 0.5rem 0;
    color: ${token('color-muted')};
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: ${token('space')};
    margin: 0;
    padding: 0.5rem;
    color: ${token('color-muted')};
  }
  .outline {
    margin: 0;
    padding-left: 1.5rem;
  }
  .outline > li {
    margin-bottom: 0.5rem;
  }
  .outline .summary {
    display: block;
    color: ${token('color-muted')};
  }
  .outline button[aria-current='true'] {
    border: 2px solid ${token('color-primary')};
    background: ${token('color-primary-soft')};
  }
  .outline .flagged > button {
    border-color: ${token('color-error')};
  }
  .harmful-text {
    color: ${token('color-error')};
  }
  .learner {
    padding: ${token('space')};
    background: ${token('color-bg')};
    border-radius: ${token('radius')};
  }
  .play-note {
    padding: calc(${token('space')} / 2) ${token('space')};
    border-left: 4px solid ${token('color-primary')};
    background: ${token('color-bg')};
  }
  .play-note.behind {
    border-left-color: ${token('color-warning')};
  }
  .placeholder {
    color: ${token('color-muted')};
  }
`;
