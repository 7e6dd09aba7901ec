import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import type { Bilingual, Diagnostic, Outline, YamlEdit } from '../../core/studio-api.js';
import type { StudioClient } from '../shared/api.js';
import { bilingual } from '../shared/bilingual.js';
import { emit } from '../shared/emit.js';
import { studioStyles } from '../shared/studio.styles.js';
import '../studio-problems/define.js';

/** The completion rules the form shows, each a boolean at a path in course.yaml. */
const RULES: { at: [string, string, string]; label: () => string }[] = [
  { at: ['completion', 'module', 'pages'], label: () => msg('章节完成需要读完全部页面') },
  { at: ['completion', 'module', 'quiz'], label: () => msg('章节完成需要通过章节测验') },
  { at: ['completion', 'module', 'checkpoints'], label: () => msg('章节完成需要完成全部练习和角色扮演') },
  { at: ['completion', 'course', 'modules'], label: () => msg('课程完成需要完成全部章节') },
  { at: ['completion', 'course', 'finalAssessment'], label: () => msg('课程完成需要通过期末测验') },
  { at: ['completion', 'finalAssessment', 'opensAfterModules'], label: () => msg('学完全部章节后才开放期末测验') },
];

function ruleValue(outline: Outline, at: readonly string[]): boolean {
  let node: unknown = outline.course;
  for (const key of at) node = (node as Record<string, unknown> | undefined)?.[key];
  return node === true;
}

/**
 * @summary The course settings form: title, pass mark and completion rules, saved with `PATCH /api/yaml` so only the
 * changed values are rewritten in course.yaml (comments and the rest stay as they are). A refused save shows the
 * build's problems and keeps what was typed.
 *
 * @fires studio-saved - course.yaml was saved.
 */
@localized()
export class StudioCourseSettings extends LitElement {
  static override styles = [
    studioStyles,
    css`
      :host {
        display: block;
        max-width: 44rem;
      }
      fieldset label {
        font-weight: normal;
        display: flex;
        gap: 0.5rem;
        align-items: baseline;
        margin: 0.25rem 0;
      }
      input#title {
        width: 100%;
      }
      input#passing {
        width: 7rem;
      }
    `,
  ];

  @state() private problems: Diagnostic[] = [];
  @state() private error: Bilingual | null = null;
  @state() private status = '';
  @state() private busy = false;

  /** The API client (with the token). */
  @property({ attribute: false }) client: StudioClient | null = null;

  /** The course outline: the current settings. */
  @property({ attribute: false }) outline: Outline | null = null;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('outline') && changed.get('outline') === undefined) this.status = '';
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const outline = this.outline;
    if (!outline || !this.client || this.busy) return;
    const form = event.target as HTMLFormElement;
    const title = form.querySelector<HTMLInputElement>('#title')!.value.trim();
    const passing = form.querySelector<HTMLInputElement>('#passing')!.valueAsNumber;
    const edits: YamlEdit[] = [];
    if (title !== outline.course.title) edits.push({ op: 'set', at: ['title'], value: title });
    if (passing !== outline.course.passingScore)
      edits.push({ op: 'set', at: ['passingScore'], value: Number.isNaN(passing) ? null : passing });
    RULES.forEach((rule, i) => {
      const checked = form.querySelector<HTMLInputElement>(`#rule-${i}`)!.checked;
      if (checked !== ruleValue(outline, rule.at)) edits.push({ op: 'set', at: [...rule.at], value: checked });
    });
    if (!edits.length) {
      this.status = msg('没有修改。');
      return;
    }
    this.busy = true;
    this.status = msg('正在保存……');
    const file = await this.client.file('course.yaml');
    const answer = file.ok ? await this.client.patchYaml({ path: 'course.yaml', etag: file.data.etag, edits }) : file;
    this.busy = false;
    if (!answer.ok) {
      this.problems = answer.problems;
      this.error = answer.error;
      this.status = msg('没有保存：课程文件没有改动。');
      return;
    }
    this.problems = [];
    this.error = null;
    this.status = msg('已保存。');
    emit(this, 'studio-saved', { path: 'course.yaml', etag: answer.data.etag });
  }

  override render() {
    const outline = this.outline;
    if (!outline) return nothing;
    const course = outline.course;
    return html`<h2 id="heading" tabindex="-1">${msg('课程设置')}</h2>
      <form @submit=${this.onSubmit} novalidate>
        <div class="field">
          <label for="title">${msg('课程标题')}</label>
          <input id="title" .value=${course.title} autocomplete="off" />
        </div>
        <div class="field">
          <label for="passing">${msg('及格分数（0–100）')}</label>
          <input id="passing" type="number" min="0" max="100" step="1" .value=${String(course.passingScore)} />
          <span class="hint">${msg('期末测验达到这个分数即为通过。')}</span>
        </div>
        <fieldset>
          <legend>${msg('完成规则')}</legend>
          ${RULES.map(
            (rule, i) =>
              html`<label
                ><input
                  id=${`rule-${i}`}
                  type="checkbox"
                  .checked=${ruleValue(outline, rule.at)}
                />${rule.label()}</label
              >`,
          )}
        </fieldset>
        <div class="actions">
          <button class="primary" ?disabled=${this.busy}>${msg('保存课程设置')}</button>
          <span role="status">${this.status}</span>
        </div>
      </form>
      <div role="alert">
        ${
          this.error || this.problems.length
            ? html`<p class="error">${bilingual(this.error)}</p>
                <studio-problems .problems=${this.problems}></studio-problems>`
            : nothing
        }
      </div>`;
  }
}
