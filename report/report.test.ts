import { describe, expect, it } from 'vitest';
import { Aggregator } from './aggregate.js';
import { classify, durationMs, type Statement } from './classify.js';
import { completionCsv, csvCell, itemsCsv } from './csv.js';
import { escapeHtml, reportHtml } from './html.js';
import { IRI, REG1, REG2, catalog, li, statement, zhang } from './testing/fixture.js';

describe('report aggregation', () => {
  it('turns statements into completion rows and item figures', () => {
    const cat = catalog();
    const agg = new Aggregator(cat);
    const feed = (s: Statement) => agg.apply(classify(s, cat)!);
    feed(
      statement(zhang, 'answered', `${IRI}/questions/q1`, {
        result: { success: false, response: 'b' },
        context: { registration: REG1, extensions: { [`${IRI}/extensions/attempt`]: 1 } },
      }),
    );
    feed(
      statement(zhang, 'answered', `${IRI}/questions/q1`, {
        result: { success: true, response: 'a' },
        context: { registration: REG1, extensions: { [`${IRI}/extensions/attempt`]: 2 } },
      }),
    );
    feed(
      statement(li, 'answered', `${IRI}/questions/q1`, {
        result: { success: true, response: 'a' },
        context: { registration: REG2, extensions: { [`${IRI}/extensions/attempt`]: 1 } },
      }),
    );
    feed(statement(zhang, 'answered', `${IRI}/roleplays/rp/nodes/n1`, { result: { response: 'deny' } }));
    feed(
      statement(zhang, 'completed', `${IRI}/roleplays/rp`, {
        result: { extensions: { [`${IRI}/extensions/ending`]: 'bad' } },
      }),
    );
    feed(statement(zhang, 'completed', `${IRI}/modules/m1`));
    feed(statement(zhang, 'failed', `${IRI}/quizzes/final`, { result: { score: { scaled: 0.65 } } }));
    feed(statement(zhang, 'passed', `${IRI}/quizzes/final`, { result: { score: { raw: 17, min: 0, max: 20 } } }));
    feed(statement(zhang, 'completed', IRI));
    feed(statement(zhang, 'terminated', IRI, { result: { duration: 'PT1H2M3.5S' } }));
    const data = agg.result();

    const z = data.completion.find((r) => r.identifier === 'zhangwei')!;
    expect(z).toMatchObject({
      name: '张伟',
      modulesCompleted: 1,
      modulesTotal: 2,
      courseCompleted: true,
      passed: true,
      bestScore: 85,
      lastScore: 85,
      attempts: 2,
      totalTimeMs: 3723500,
      registrations: [REG1],
    });
    const l = data.completion.find((r) => r.identifier === 'lina@example.net')!;
    expect(l).toMatchObject({ passed: null, attempts: 0, bestScore: null, courseCompleted: false });

    const q1 = data.questions.find((q) => q.questionId === 'q1')!;
    expect(q1).toMatchObject({ answered: 3, firstTries: 2, firstTryCorrect: 0.5 });
    expect(q1.topWrong).toEqual([{ response: 'b', label: '错的', count: 1 }]);
    expect(data.decisions[0]!.replies.map((r) => [r.replyId, r.count, r.harmful])).toEqual([
      ['calm', 0, false],
      ['deny', 1, true],
    ]);
    expect(data.endings.map((e) => [e.endingId, e.count])).toEqual([
      ['good', 0],
      ['bad', 1],
    ]);
    expect(data.funnel.map((f) => f.learners)).toEqual([1, 0]);
  });

  it('takes a voided statement back out exactly', () => {
    const cat = catalog();
    const agg = new Aggregator(cat);
    const passed = classify(
      statement(zhang, 'passed', `${IRI}/quizzes/final`, { result: { score: { scaled: 0.9 } } }),
      cat,
    )!;
    const answered = classify(
      statement(li, 'answered', `${IRI}/questions/q1`, { result: { success: false, response: 'c' } }),
      cat,
    )!;
    agg.apply(passed);
    agg.apply(answered);
    agg.apply(passed, -1);
    agg.apply(answered, -1);
    const data = agg.result();
    expect(data.completion.find((r) => r.identifier === 'zhangwei')).toMatchObject({ passed: null, attempts: 0 });
    expect(data.questions[0]).toMatchObject({ answered: 0, topWrong: [] });
  });

  it('reads a visited page, quiz and role-play as activity only, each under its own kind of id', () => {
    const cat = catalog();
    const visits = [`${IRI}/pages/welcome`, `${IRI}/quizzes/quiz-1`, `${IRI}/roleplays/rp`];
    for (const id of visits) {
      expect(classify(statement(zhang, 'experienced', id), cat)?.facts).toEqual([{ kind: 'activity' }]);
    }
    const agg = new Aggregator(cat);
    for (const id of visits) agg.apply(classify(statement(zhang, 'experienced', id), cat)!);
    const data = agg.result();
    expect(data.completion.find((r) => r.identifier === 'zhangwei')).toMatchObject({
      modulesCompleted: 0,
      attempts: 0,
      passed: null,
    });
    expect(data.endings.map((e) => e.count)).toEqual([0, 0]);
    // A role-play run finished and a chapter quiz's node answers keep their meaning beside the visits.
    expect(
      classify(
        statement(zhang, 'completed', `${IRI}/roleplays/rp`, {
          result: { extensions: { [`${IRI}/extensions/ending`]: 'good' } },
        }),
        cat,
      )?.facts,
    ).toContainEqual({ kind: 'roleplay-ending', roleplayId: 'rp', endingId: 'good' });
  });

  it('counts cmi5 course statements made on the LMS’s AU id (course AU in grouping, cmi5 category)', () => {
    const cat = catalog();
    const cmi5 = {
      registration: REG1,
      contextActivities: {
        grouping: [{ id: IRI }],
        category: [{ id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' }],
      },
    };
    const au = 'http://localhost/preview-lms/au/4756b42214cb0cb4825b3c9b5c15053d6a6cf7f5';
    expect(classify(statement(zhang, 'completed', au, { context: cmi5 }), cat)?.facts).toContainEqual({
      kind: 'course-completed',
    });
    expect(
      classify(statement(zhang, 'passed', au, { context: cmi5, result: { score: { scaled: 0.9 } } }), cat)?.facts,
    ).toContainEqual({ kind: 'course-result', passed: true, percent: 90 });
    // Without the cmi5 category, or with another course's AU in grouping, it is not this course's.
    expect(classify(statement(zhang, 'completed', au, { context: { registration: REG1 } }), cat)).toBeNull();
    const other = {
      ...cmi5,
      contextActivities: { ...cmi5.contextActivities, grouping: [{ id: 'https://x.example/c' }] },
    };
    expect(classify(statement(zhang, 'completed', au, { context: other }), cat)).toBeNull();
  });

  it('ignores statements about other courses and reads durations', () => {
    expect(classify(statement(zhang, 'completed', 'https://other.example.net/course'), catalog())).toBeNull();
    expect(durationMs('PT0.25S')).toBe(250);
    expect(durationMs('P1DT1M')).toBe(86_460_000);
    expect(durationMs('soon')).toBeNull();
  });

  it('reads cmi5 statements about the AU (an id the LMS made) as the course, found by the course in grouping', () => {
    // As a cmi5 launch really sends them (seen in test/e2e/report-real-runs.e2e.test.ts): the object is the LMS's
    // activity id for the AU, the publisher's id (the course IRI, or an AU id under it) in the context template.
    const au = 'http://localhost/preview-lms/au/0123456789abcdef';
    const cmi5 = (grouping: string) => ({
      context: {
        registration: REG1,
        contextActivities: {
          grouping: [{ id: grouping }],
          category: [{ id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' }],
        },
      },
    });
    const cat = catalog();
    const agg = new Aggregator(cat);
    for (const s of [
      statement(zhang, 'failed', au, { result: { score: { scaled: 0 } }, ...cmi5(IRI) }),
      statement(zhang, 'passed', au, { result: { score: { scaled: 1 } }, ...cmi5(`${IRI}/au/course`) }),
      statement(zhang, 'completed', au, cmi5(IRI)),
      statement(zhang, 'terminated', au, { result: { duration: 'PT90S' }, ...cmi5(IRI) }),
    ])
      agg.apply(classify(s, cat)!);
    expect(agg.result().completion[0]).toMatchObject({
      courseCompleted: true,
      passed: true,
      bestScore: 100,
      lastScore: 100,
      attempts: 2,
      totalTimeMs: 90_000,
    });
    // Without the cmi5 category, or about another course, an id outside the course is not the course's.
    expect(
      classify(statement(zhang, 'completed', au, { context: { contextActivities: { grouping: [{ id: IRI }] } } }), cat),
    ).toBeNull();
    expect(classify(statement(zhang, 'completed', au, cmi5('https://other.example.net/course')), cat)).toBeNull();
  });
});

describe('report output is inert', () => {
  const evil = '=HYPERLINK("http://evil.example","点我")';
  const img = '<img src=x onerror=alert(1)>';

  it('neutralises spreadsheet formulas and keeps Chinese readable in Excel', () => {
    expect(csvCell(evil)).toBe(`"'=HYPERLINK(""http://evil.example"",""点我"")"`);
    for (const lead of ['+1', '-1', '@SUM(A1)', '\tx'])
      expect(csvCell(lead).replace(/^"/, '').startsWith("'")).toBe(true);
    expect(csvCell(-1, 'number')).toBe('-1');
    const cat = catalog();
    const agg = new Aggregator(cat);
    agg.apply(classify(statement({ name: evil, account: { homePage: 'h', name: '@evil' } }, 'completed', IRI), cat)!);
    const text = completionCsv(agg.result(), 'zh-CN', 'Asia/Shanghai');
    expect(text.startsWith('\uFEFF姓名,')).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(`);
    expect(text).toContain(`'@evil`);
    expect(itemsCsv(agg.result(), 'en')).toContain('question,q1');
  });

  it('escapes every statement value in the HTML page and allows no outside request', async () => {
    expect(escapeHtml(img)).toBe('&lt;img src=x onerror=alert(1)&gt;');
    const cat = catalog();
    const agg = new Aggregator(cat);
    agg.apply(
      classify(
        statement({ name: img, mbox: 'mailto:x@example.net' }, 'answered', `${IRI}/questions/q1`, {
          result: { success: false, response: '<script>alert(1)</script>' },
        }),
        cat,
      )!,
    );
    const html = await reportHtml(agg.result(), { lang: 'zh-CN', timeZone: 'Asia/Shanghai', courseTitle: '服务课程' });
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain("default-src 'none'");
    expect(html.match(/<svg /g)?.length).toBe(4);
  });
});
