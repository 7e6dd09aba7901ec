/**
 * Test-only helpers that answer a `<course-question>` with the keyboard alone, as a learner would: Tab into the
 * question, then Space, Enter and the arrow keys. Each helper reads the displayed (possibly shuffled) order.
 */
import { sendKeys } from '@web/test-runner-commands';
import type { CourseQuestion } from './course-question.js';
import { deepActiveElement } from './test-support.js';

export async function press(key: string): Promise<void> {
  await sendKeys({ press: key });
}

/** The question's input component (question-choice, question-fill-in, …). */
export function inputOf(el: CourseQuestion): HTMLElement & { value: unknown; updateComplete: Promise<boolean> } {
  const input = el.shadowRoot!.querySelector('.input');
  if (!input) throw new Error('no input component rendered');
  return input as HTMLElement & { value: unknown; updateComplete: Promise<boolean> };
}

/** Elements inside the input component's shadow root. */
export function controlsOf<T extends Element = HTMLElement>(el: CourseQuestion, selector: string): T[] {
  return [...inputOf(el).shadowRoot!.querySelectorAll<T>(selector)] as T[];
}

/** Waits for the question and its input component to finish rendering. */
export async function settle(el: CourseQuestion): Promise<void> {
  await el.updateComplete;
  const input = el.shadowRoot?.querySelector('.input') as { updateComplete?: Promise<boolean> } | null;
  await input?.updateComplete;
  await el.updateComplete;
}

/** Presses Tab until the focused element passes `test`; fails if it never does. */
export async function tabTo(test: (element: Element) => boolean, max = 40): Promise<Element> {
  for (let i = 0; i < max; i++) {
    await press('Tab');
    const active = deepActiveElement();
    if (active && test(active)) return active;
  }
  throw new Error(`Tab never reached the element (last: ${deepActiveElement()?.outerHTML.slice(0, 80)})`);
}

/** Blurs whatever has focus, so the next Tab starts from the top of the page. */
export function startFromTop(): void {
  (deepActiveElement() as HTMLElement | null)?.blur();
}

/** Radio group: Tab in, then arrow keys (or Space on the focused radio) to select option `id`. */
export async function pickRadio(el: CourseQuestion, id: string): Promise<void> {
  startFromTop();
  const radios = controlsOf<HTMLInputElement>(el, 'input[type=radio]');
  const target = radios.findIndex((radio) => radio.value === id);
  if (target < 0) throw new Error(`no option ${id}`);
  const focused = (await tabTo((element) => radios.includes(element as HTMLInputElement))) as HTMLInputElement;
  const current = radios.indexOf(focused);
  if (current === target && !focused.checked) await press('Space');
  await arrowFromTo(current, target);
  await settle(el);
  if (!radios[target]!.checked) throw new Error(`option ${id} not selected`);
}

/** Presses ArrowDown or ArrowUp to move a roving focus (or a picked-up item) from index `from` to index `to`. */
async function arrowFromTo(from: number, to: number): Promise<void> {
  for (let i = from; i < to; i++) await press('ArrowDown');
  for (let i = from; i > to; i--) await press('ArrowUp');
}

/** Checkbox group: Tab through every box, pressing Space where the box must change. */
export async function pickCheckboxes(el: CourseQuestion, ids: readonly string[]): Promise<void> {
  startFromTop();
  const boxes = controlsOf<HTMLInputElement>(el, 'input[type=checkbox]');
  await tabTo((element) => element === boxes[0]);
  for (const [index, box] of boxes.entries()) {
    if (box.checked !== ids.includes(box.value)) await press('Space');
    if (index < boxes.length - 1) await press('Tab');
  }
  await settle(el);
  const picked = boxes.filter((box) => box.checked).map((box) => box.value);
  if (picked.sort().join() !== [...ids].sort().join()) throw new Error(`picked ${picked}, wanted ${ids}`);
}

/** Text input: Tab in, clear it and type `text`. */
export async function typeText(el: CourseQuestion, text: string): Promise<void> {
  startFromTop();
  const [input] = controlsOf<HTMLInputElement>(el, 'input');
  await tabTo((element) => element === input);
  await press('Control+a');
  await press('Backspace');
  await sendKeys({ type: text });
  await settle(el);
}

/**
 * Sequencing: Tab to the first item, then for each position walk to the item that belongs there (arrow keys), pick
 * it up (Space), move it up (ArrowUp) and drop it (Space).
 */
export async function orderItems(el: CourseQuestion, order: readonly string[]): Promise<void> {
  startFromTop();
  const [first] = controlsOf(el, '[data-handle]');
  await tabTo((element) => element === first);
  let focus = 0;
  for (const [position, id] of order.entries()) {
    const current = (inputOf(el).value as string[]).indexOf(id);
    if (current === position) continue;
    await arrowFromTo(focus, current);
    await settle(el);
    await press('Space');
    await arrowFromTo(current, position);
    await press('Space');
    await settle(el);
    focus = position;
  }
  const result = inputOf(el).value as string[];
  if (result.join() !== order.join()) throw new Error(`order is ${result}, wanted ${order}`);
}

/** Matching: Tab to each select in turn and choose its target with the arrow keys. */
export async function matchPairs(el: CourseQuestion, pairs: Readonly<Record<string, string>>): Promise<void> {
  startFromTop();
  const selects = controlsOf<HTMLSelectElement>(el, 'select');
  await tabTo((element) => element === selects[0]);
  for (const [index, select] of selects.entries()) {
    const source = select.id.replace(/^source-/, '');
    const target = [...select.options].findIndex((option) => option.value === (pairs[source] ?? ''));
    let current = select.selectedIndex;
    while (current < target) {
      await press('ArrowDown');
      current++;
    }
    while (current > target) {
      await press('ArrowUp');
      current--;
    }
    if (index < selects.length - 1) await press('Tab');
  }
  await settle(el);
  const chosen = Object.fromEntries(selects.map((select) => [select.id.replace(/^source-/, ''), select.value]));
  for (const [source, target] of Object.entries(pairs)) {
    if (chosen[source] !== target) throw new Error(`${source} → ${chosen[source]}, wanted ${target}`);
  }
}

/** Tab to 检查答案 and press Enter. */
export async function checkByKeyboard(el: CourseQuestion): Promise<void> {
  const check = el.shadowRoot!.querySelector('.check');
  if (!check) throw new Error('no 检查答案 button');
  await tabTo((element) => element === check);
  await press('Enter');
  await settle(el);
}
