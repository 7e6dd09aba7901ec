/**
 * Test oracle: the SCORM 1.2 RTE data-model rules scorm-again relaxes (it normalises `incorrect`, accepts
 * multi-character choices, ISO strings and over-long values). Each function returns the problems it finds.
 */
import type { Scorm12Interaction } from '../../../tracking/notation/scorm12.js';

const IDENTIFIER = /^[A-Za-z0-9_-]{1,255}$/;
const CHAR = '[0-9a-z]';
const CHAR_LIST = new RegExp(`^${CHAR}(,${CHAR})*$`);
const CHAR_SET = new RegExp(`^(\\{${CHAR}(,${CHAR})*\\}|${CHAR}(,${CHAR})*)$`);
const PAIRS = new RegExp(`^${CHAR}\\.${CHAR}(,${CHAR}\\.${CHAR})*$`);
const TIMESPAN = /^\d{2,4}:[0-5]\d:[0-5]\d(\.\d{1,2})?$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,2})?$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

function responseProblem(type: Scorm12Interaction['type'], value: string, pattern: boolean): string | null {
  switch (type) {
    case 'true-false':
      return /^[01tf]$/.test(value) ? null : 'true-false must be 0, 1, t or f';
    case 'choice':
      return (pattern ? CHAR_SET : CHAR_LIST).test(value)
        ? null
        : 'choice must be single characters 0-9 a-z, comma-separated';
    case 'sequencing':
      return CHAR_LIST.test(value) ? null : 'sequencing must be single characters 0-9 a-z, comma-separated';
    case 'matching':
      return PAIRS.test(value) ? null : 'matching must be char.char pairs, comma-separated';
    case 'fill-in':
      if (value.length > 255) return 'fill-in longer than 255 characters';
      return pattern && value.startsWith('{') ? 'SCORM 1.2 has no {case_matters} delimiter' : null;
  }
}

export function strictScorm12InteractionProblems(i: Scorm12Interaction): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, message: string) => ok || problems.push(`${i.id}: ${message}`);
  check(IDENTIFIER.test(i.id), `id "${i.id}" is not a CMIIdentifier without "."`);
  check(['true-false', 'choice', 'fill-in', 'matching', 'sequencing'].includes(i.type), `type ${i.type}`);
  const student = responseProblem(i.type, i.student_response, false);
  check(student === null, `student_response "${i.student_response.slice(0, 40)}": ${student}`);
  i.correct_responses.forEach((p, n) => {
    const problem = responseProblem(i.type, p, true);
    check(problem === null, `correct_responses.${n} "${p.slice(0, 40)}": ${problem}`);
  });
  check(
    ['correct', 'wrong', 'unanticipated', 'neutral'].includes(i.result) || DECIMAL.test(i.result),
    `result ${i.result}`,
  );
  check(DECIMAL.test(i.weighting), `weighting ${i.weighting}`);
  check(TIMESPAN.test(i.latency), `latency ${i.latency} is not HHHH:MM:SS.SS`);
  check(TIME.test(i.time), `time ${i.time} is not HH:MM:SS`);
  if (i.objectiveId !== undefined) check(IDENTIFIER.test(i.objectiveId), `objective id ${i.objectiveId}`);
  return problems;
}

/** The cmi.core / cmi.suspend_data values a SCORM 1.2 SCO sets, by element. */
export function strictScorm12CoreProblems(values: Record<string, string>): string[] {
  const problems: string[] = [];
  for (const [element, value] of Object.entries(values)) {
    const fail = (message: string) => problems.push(`${element}="${value.slice(0, 40)}": ${message}`);
    switch (element) {
      case 'cmi.core.lesson_status':
        if (!['passed', 'completed', 'failed', 'incomplete', 'browsed', 'not attempted'].includes(value))
          fail('vocabulary');
        break;
      case 'cmi.core.exit':
        if (!['time-out', 'suspend', 'logout', ''].includes(value)) fail('vocabulary');
        break;
      case 'cmi.core.score.raw':
      case 'cmi.core.score.min':
      case 'cmi.core.score.max':
        if (!DECIMAL.test(value) || Number(value) < 0 || Number(value) > 100) fail('not a decimal in 0–100');
        break;
      case 'cmi.core.session_time':
        if (!TIMESPAN.test(value)) fail('not HHHH:MM:SS.SS');
        break;
      case 'cmi.core.lesson_location':
        if (value.length > 255) fail('longer than 255');
        break;
      case 'cmi.suspend_data':
        if (value.length > 4096) fail(`${value.length} characters, over 4,096`);
        break;
    }
  }
  return problems;
}
