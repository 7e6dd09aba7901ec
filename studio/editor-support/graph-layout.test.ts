import { expect } from '@open-wc/testing';
import { DEFAULT_LAYOUT, layoutGraph } from './graph-layout.js';

const edges = (pairs: string): { from: string; to: string }[] =>
  pairs.split(' ').map((pair) => {
    const [from, to] = pair.split('>') as [string, string];
    return { from, to };
  });

describe('graph layout', () => {
  it('puts each node one layer below the longest path to it', () => {
    const layout = layoutGraph(['a', 'b', 'c', 'd'], edges('a>b a>c b>c c>d'), 'a');
    const layer = Object.fromEntries(layout.nodes.map((n) => [n.id, n.layer]));
    expect(layer).to.deep.equal({ a: 0, b: 1, c: 2, d: 3 });
  });

  it('sets loops back aside so a cycle still has layers', () => {
    const layout = layoutGraph(['a', 'b', 'c'], edges('a>b b>c c>a c>c'), 'a');
    const layer = Object.fromEntries(layout.nodes.map((n) => [n.id, n.layer]));
    expect(layer).to.deep.equal({ a: 0, b: 1, c: 2 });
    expect(layout.edges.filter((e) => e.back).map((e) => `${e.from}>${e.to}`)).to.deep.equal(['c>a', 'c>c']);
  });

  it('lays out nodes no path reaches, from their own roots', () => {
    const layout = layoutGraph(['a', 'b', 'lost', 'after-lost'], edges('a>b lost>after-lost'), 'a');
    const byId = Object.fromEntries(layout.nodes.map((n) => [n.id, n]));
    expect(byId['a']).to.include({ layer: 0, order: 0 });
    expect(byId['lost']!.layer).to.equal(0);
    expect(byId['after-lost']!.layer).to.equal(1);
  });

  it('orders a layer by its parents to avoid crossings', () => {
    // a has children x (left) and y; b has child z. Layer 1 is x, y under a and z under b.
    const layout = layoutGraph(['s', 'b', 'a', 'z', 'y', 'x'], edges('s>a s>b a>x a>y b>z'), 's');
    const row2 = layout.nodes.filter((n) => n.layer === 2).sort((m, n) => m.order - n.order);
    const row1 = layout.nodes.filter((n) => n.layer === 1).sort((m, n) => m.order - n.order);
    const aFirst = row1[0]!.id === 'a';
    expect(row2.map((n) => n.id).indexOf('z')).to.equal(aFirst ? 2 : 0);
  });

  it('places boxes on a grid without overlaps and sizes the drawing', () => {
    const layout = layoutGraph(['a', 'b', 'c'], edges('a>b a>c'), 'a');
    const { nodeWidth, nodeHeight, gapX, gapY } = DEFAULT_LAYOUT;
    expect(layout.width).to.equal(2 * nodeWidth + gapX);
    expect(layout.height).to.equal(2 * nodeHeight + gapY);
    const [b, c] = layout.nodes.filter((n) => n.layer === 1);
    expect(Math.abs(b!.x - c!.x)).to.be.at.least(nodeWidth);
    const edge = layout.edges[0]!;
    expect(edge.y1).to.equal(nodeHeight);
    expect(edge.y2).to.equal(nodeHeight + gapY);
  });

  it('ignores edges to unknown nodes', () => {
    const layout = layoutGraph(['a'], edges('a>nowhere'), 'a');
    expect(layout.edges).to.deep.equal([]);
    expect(layout.nodes).to.have.length(1);
  });
});
