import { checkRolePlayFeedback } from './check-feedback.js';
import { analyseRolePlay, goodEndingsAfterHarm, type RolePlayProblem } from '../../core/roleplay.js';
import type { RolePlay } from '../../core/types.js';
import type { Bilingual, DiagnosticList } from './diagnostics.js';
import type { IdRegistry } from './ids.js';
import type { PathSegment, YamlSource } from './yaml-source.js';

/** Cross-checks a schema-valid role-play: its id and its dialogue graph (every node reachable, every path ends). */
export function checkRolePlay(rp: RolePlay, source: YamlSource, diagnostics: DiagnosticList, ids: IdRegistry): void {
  ids.claim(rp.id, 'roleplay', source.file, source.valueAt(['id']));
  checkRolePlayFeedback(rp, source, diagnostics);
  const nodeIndex = new Map(rp.nodes.map((n, i) => [n.id, i] as const));
  rp.nodes.forEach((node, i) => {
    if (node.replies && !node.line) {
      diagnostics.add(
        source.file,
        source.valueAt(['nodes', i]),
        'missing-field',
        {
          zh: `节点“${node.id}”有学员回答（replies），但缺少客户说的话（line）。`,
          en: `Node "${node.id}" has replies but no customer line ("line").`,
        },
        { zh: '加上“line: 客户说的话”和“mood: 情绪”。', en: 'Add "line: …" and "mood: …".' },
      );
    }
  });
  for (const problem of analyseRolePlay(rp)) {
    const at = locate(problem, nodeIndex, rp);
    const text = describe(problem);
    diagnostics.add(source.file, source.valueAt(at), `roleplay-${problem.kind}`, text.message, text.fix);
  }
  checkHarmfulReplies(rp, source, diagnostics, nodeIndex);
}

/** A harmful reply must not lead on to a good ending: its debrief would praise what the learner did not do. */
function checkHarmfulReplies(
  rp: RolePlay,
  source: YamlSource,
  diagnostics: DiagnosticList,
  nodeIndex: Map<string, number>,
): void {
  for (const { nodeId, replyId, endingId } of goodEndingsAfterHarm(rp)) {
    const i = nodeIndex.get(nodeId)!;
    const r = rp.nodes[i]!.replies?.findIndex((reply) => reply.id === replyId) ?? -1;
    diagnostics.add(
      source.file,
      source.valueAt(['nodes', i, 'replies', r, 'harmful']),
      'roleplay-good-after-harmful',
      {
        zh: `节点“${nodeId}”的回答“${replyId}”标为有害（harmful），但选了它之后仍能走到好结局“${endingId}”，结局点评会表扬学员并没有做到的事。`,
        en: `Reply "${replyId}" of node "${nodeId}" is marked harmful, yet the good ending "${endingId}" can still be reached after it; its debrief would praise what the learner did not do.`,
      },
      {
        zh: '让这个回答之后的对话只能走到一般或差结局（next 指向不通往好结局的节点）；如果这个回答其实无害，删掉 harmful: true。',
        en: 'Let the conversation after this reply lead only to neutral or bad endings; if the reply is not harmful after all, remove harmful: true.',
      },
    );
  }
}

function locate(problem: RolePlayProblem, nodeIndex: Map<string, number>, rp: RolePlay): PathSegment[] {
  if (problem.kind === 'missing-start') return ['start'];
  const i = nodeIndex.get(problem.nodeId);
  if (i === undefined) return ['nodes'];
  if (problem.replyId !== undefined) {
    const r = rp.nodes[i]!.replies?.findIndex((reply) => reply.id === problem.replyId) ?? -1;
    if (r >= 0) return ['nodes', i, 'replies', r, problem.kind === 'missing-target' ? 'next' : 'id'];
  }
  return ['nodes', i, 'id'];
}

function describe(p: RolePlayProblem): { message: Bilingual; fix: Bilingual } {
  switch (p.kind) {
    case 'missing-start':
      return {
        message: {
          zh: `start 指向的节点“${p.nodeId}”不存在。`,
          en: `start names the node "${p.nodeId}", which does not exist.`,
        },
        fix: { zh: '把 start 改成第一个对话节点的 id。', en: 'Set start to the id of the first dialogue node.' },
      };
    case 'missing-target':
      return {
        message: {
          zh: `节点“${p.nodeId}”的回答“${p.replyId}”要跳转到不存在的节点“${p.target}”。`,
          en: `Reply "${p.replyId}" of node "${p.nodeId}" goes to "${p.target}", which does not exist.`,
        },
        fix: {
          zh: '把 next 改成已有节点的 id，或补上这个节点。',
          en: 'Point next at an existing node, or add that node.',
        },
      };
    case 'unreachable':
      return {
        message: {
          zh: `节点“${p.nodeId}”无法到达：没有任何回答跳转到它。`,
          en: `Node "${p.nodeId}" is unreachable: no reply leads to it.`,
        },
        fix: {
          zh: '在某个回答的 next 中指向它，或删除这个节点。',
          en: "Point some reply's next at it, or delete the node.",
        },
      };
    case 'dead-end':
      return {
        message: {
          zh: `节点“${p.nodeId}”是死胡同：既没有学员回答（replies），也不是结局（ending）。`,
          en: `Node "${p.nodeId}" is a dead end: it has no replies and no ending.`,
        },
        fix: {
          zh: '给它加上至少两个 replies，或加上 ending（outcome、title、debrief）。',
          en: 'Give it at least two replies, or an ending (outcome, title, debrief).',
        },
      };
    case 'no-exit-cycle':
      return {
        message: {
          zh: `节点“${p.nodeId}”处在一个走不出去的循环里：从这里无论怎么回答都到不了任何结局。`,
          en: `Node "${p.nodeId}" is in a loop with no way out: no choice from here ever reaches an ending.`,
        },
        fix: {
          zh: '让循环中至少一个回答的 next 指向通往结局的节点。',
          en: 'Let at least one reply in the loop lead towards an ending.',
        },
      };
    case 'duplicate-node':
      return {
        message: { zh: `节点 id“${p.nodeId}”重复。`, en: `The node id "${p.nodeId}" is used twice.` },
        fix: { zh: '每个节点的 id 在本演练内必须唯一。', en: 'Give every node of the role-play its own id.' },
      };
    case 'duplicate-reply':
      return {
        message: {
          zh: `节点“${p.nodeId}”中回答 id“${p.replyId}”重复。`,
          en: `Node "${p.nodeId}" uses the reply id "${p.replyId}" twice.`,
        },
        fix: { zh: '同一节点中每个回答的 id 必须不同。', en: 'Give every reply of a node its own id.' },
      };
    case 'both-replies-and-ending':
      return {
        message: {
          zh: `节点“${p.nodeId}”同时写了 replies 和 ending。`,
          en: `Node "${p.nodeId}" has both replies and an ending.`,
        },
        fix: {
          zh: '结局节点只写 ending；对话节点只写 replies。',
          en: 'An ending node has only ending; a dialogue node only replies.',
        },
      };
  }
}
