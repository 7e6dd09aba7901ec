/** Test support: a learner working through the course's UI in a frame, whatever question types the draw gives. */
import type { Frame, Page } from 'playwright-core';

/** The ids of the statements waiting in this browser's outboxes (tracking/xapi/outbox.ts: one key per statement). */
export function queuedStatementIds(page: Page | Frame): Promise<string[]> {
  return page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => /:outbox:q:[^:]+$/.test(k))
      .map((k) => k.slice(k.lastIndexOf(':') + 1)),
  );
}

export async function goTo(frame: Frame, hash: string): Promise<void> {
  await frame.evaluate((h) => (location.hash = h), hash);
  await frame.locator('course-player article :is(course-page, course-quiz, role-play)').first().waitFor();
}

/** Answers the question on screen (the first option, a typed text, or the order as given) and checks it. */
export async function answerQuestion(frame: Frame): Promise<void> {
  const question = frame.locator('course-question');
  await question.waitFor();
  const option = question.locator('input[type=radio], input[type=checkbox]').first();
  const text = question.locator('input[type=text]');
  const selects = question.locator('select');
  if (await option.count()) await option.check();
  else if (await text.count()) await text.fill('营业厅');
  else for (const select of await selects.all()) await select.selectOption({ index: 1 });
  await frame.getByRole('button', { name: '检查答案' }).click();
  await question
    .locator('[part=feedback]')
    .filter({ hasText: /回答正确|部分正确|回答不正确/ })
    .waitFor();
}

/** Starts the quiz on screen, answers every question and submits it. */
export async function takeQuiz(frame: Frame): Promise<void> {
  const start = frame.getByRole('button', { name: /开始测验|重新测验/ });
  await start.click();
  for (;;) {
    await answerQuestion(frame);
    const next = frame.getByRole('button', { name: '下一题' });
    if (await next.count()) await next.click();
    else break;
  }
  await frame.getByRole('button', { name: '提交测验' }).click();
  const confirm = frame.getByRole('button', { name: '确定提交' });
  if (await confirm.isVisible()) await confirm.click();
  await frame.getByRole('heading', { name: '测验结果' }).waitFor();
}

/** Plays the role-play on screen to an ending, always taking the first reply. */
export async function playRolePlay(frame: Frame): Promise<void> {
  const roleplay = frame.locator('role-play');
  for (let step = 0; step < 30; step++) {
    if (await roleplay.getByRole('button', { name: '重新开始' }).count()) return;
    const continueButton = roleplay.getByRole('button', { name: '继续' });
    if (await continueButton.count()) {
      await continueButton.click();
      continue;
    }
    await roleplay.locator('input[type=radio]').first().check();
    await roleplay.getByRole('button', { name: '确定' }).click();
  }
  throw new Error('role-play did not reach an ending in 30 steps');
}
