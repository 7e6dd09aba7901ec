/**
 * A layered (Sugiyama-style) layout for a role-play's dialogue graph, small enough to own: layers by longest path
 * from the start with back edges (loops back to an earlier node) set aside, order within a layer by the barycentre of
 * the nodes above, then coordinates on a grid, top to bottom. Nodes no path reaches are laid out from their own roots
 * after the reachable ones, so they are drawn too (and highlighted by the editor).
 */

export interface GraphEdge {
  from: string;
  to: string;
}

export interface LayoutOptions {
  /** Node box size and the gaps between boxes, in SVG units. */
  nodeWidth: number;
  nodeHeight: number;
  gapX: number;
  gapY: number;
  /** Barycentre sweeps (more: fewer crossings, slower). */
  sweeps: number;
}

export interface PlacedNode {
  id: string;
  layer: number;
  /** Position within the layer, from the left. */
  order: number;
  /** Top-left corner. */
  x: number;
  y: number;
}

export interface PlacedEdge extends GraphEdge {
  /** Goes back up to an earlier layer (or to itself): drawn as a curve beside the boxes. */
  back: boolean;
  /** From the bottom centre of `from` to the top centre of `to`. */
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface GraphLayout {
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  width: number;
  height: number;
}

export const DEFAULT_LAYOUT: LayoutOptions = { nodeWidth: 168, nodeHeight: 56, gapX: 32, gapY: 56, sweeps: 4 };

/** Edges that close a cycle in a depth-first walk from the roots, as `from→to` keys. */
function backEdges(ids: readonly string[], roots: readonly string[], out: Map<string, string[]>): Set<string> {
  const state = new Map<string, 'open' | 'done'>();
  const back = new Set<string>();
  const visit = (id: string): void => {
    state.set(id, 'open');
    for (const to of out.get(id) ?? []) {
      const seen = state.get(to);
      if (seen === 'open') back.add(`${id}→${to}`);
      else if (seen === undefined) visit(to);
    }
    state.set(id, 'done');
  };
  for (const root of [...roots, ...ids]) if (!state.has(root)) visit(root);
  return back;
}

/**
 * Lays out `ids` (in file order) joined by `edges` (several edges between two nodes are fine; edges to unknown ids
 * are ignored), starting from `start`.
 */
export function layoutGraph(
  ids: readonly string[],
  edges: readonly GraphEdge[],
  start: string,
  options: LayoutOptions = DEFAULT_LAYOUT,
): GraphLayout {
  const known = new Set(ids);
  const valid = edges.filter((e) => known.has(e.from) && known.has(e.to));
  const out = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const e of valid) out.get(e.from)?.push(e.to);
  const withIncoming = new Set(valid.filter((e) => e.from !== e.to).map((e) => e.to));
  // The start first, then nodes nothing leads to (unreachable roots), in file order.
  const roots = [...(known.has(start) ? [start] : []), ...ids.filter((id) => id !== start && !withIncoming.has(id))];
  const back = backEdges(ids, roots, out);
  const forward = valid.filter((e) => e.from !== e.to && !back.has(`${e.from}→${e.to}`));

  // Longest path from the roots over the forward edges (a DAG): relax in topological order.
  const layer = new Map<string, number>(ids.map((id) => [id, 0]));
  const indegree = new Map<string, number>(ids.map((id) => [id, 0]));
  for (const e of forward) indegree.set(e.to, (indegree.get(e.to) ?? 0) + 1);
  const queue = ids.filter((id) => indegree.get(id) === 0);
  // Reachable nodes first, so the start's component is laid out at the top.
  queue.sort((a, b) => roots.indexOf(a) - roots.indexOf(b));
  while (queue.length > 0) {
    const id = queue.shift() as string;
    for (const e of forward) {
      if (e.from !== id) continue;
      layer.set(e.to, Math.max(layer.get(e.to) ?? 0, (layer.get(id) ?? 0) + 1));
      const left = (indegree.get(e.to) ?? 1) - 1;
      indegree.set(e.to, left);
      if (left === 0) queue.push(e.to);
    }
  }

  const depth = Math.max(0, ...layer.values());
  const layers: string[][] = Array.from({ length: depth + 1 }, () => []);
  for (const id of ids) layers[layer.get(id) ?? 0]?.push(id);
  // The start leads its layer.
  const top = layers[0];
  if (top && known.has(start)) top.sort((a, b) => (a === start ? -1 : b === start ? 1 : 0));

  const position = new Map<string, number>();
  const index = (): void => layers.forEach((row) => row.forEach((id, i) => position.set(id, i)));
  index();
  const parents = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const e of forward) parents.get(e.to)?.push(e.from);
  for (let sweep = 0; sweep < options.sweeps; sweep++) {
    for (const row of layers.slice(1)) {
      const centre = (id: string): number => {
        const above = parents.get(id) ?? [];
        return above.length ? above.reduce((sum, p) => sum + (position.get(p) ?? 0), 0) / above.length : Infinity;
      };
      const keyed = row.map((id, i) => ({ id, key: centre(id), i }));
      // Nodes without parents keep their place relative to each other, after the others.
      keyed.sort((a, b) => (a.key === b.key ? a.i - b.i : a.key - b.key));
      row.splice(0, row.length, ...keyed.map((k) => k.id));
      index();
    }
  }

  const widest = Math.max(1, ...layers.map((row) => row.length));
  const cellW = options.nodeWidth + options.gapX;
  const cellH = options.nodeHeight + options.gapY;
  const width = widest * cellW - options.gapX;
  const nodes: PlacedNode[] = [];
  layers.forEach((row, l) => {
    const offset = ((widest - row.length) * cellW) / 2;
    row.forEach((id, order) => nodes.push({ id, layer: l, order, x: offset + order * cellW, y: l * cellH }));
  });
  const at = new Map(nodes.map((n) => [n.id, n]));
  const placedEdges: PlacedEdge[] = valid.map((e) => {
    const a = at.get(e.from) as PlacedNode;
    const b = at.get(e.to) as PlacedNode;
    return {
      ...e,
      back: e.from === e.to || back.has(`${e.from}→${e.to}`),
      x1: a.x + options.nodeWidth / 2,
      y1: a.y + options.nodeHeight,
      x2: b.x + options.nodeWidth / 2,
      y2: b.y,
    };
  });
  return { nodes, edges: placedEdges, width, height: layers.length * cellH - options.gapY };
}
