/**
 * The save bar and the problems summary both form editors show above their forms, read from their
 * {@link YamlFileController}: one rendering, so the quiz and role-play editors say the same thing the same way.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { pick, renderProblemList } from './fields.js';
import type { YamlFileController } from './yaml-file-controller.js';

export interface FileBarActions {
  onUndo: () => void;
  onUndoSave: () => void;
  onSave: () => void;
}

export function renderFileBar(file: YamlFileController, path: string, actions: FileBarActions): TemplateResult {
  const status = file.saving
    ? msg('正在保存…')
    : file.validating
      ? msg('正在检查…')
      : file.dirty
        ? msg('有未保存的修改')
        : msg('已保存');
  return html`<div class="bar">
    <p class="status">${path} · ${status}</p>
    <button type="button" @click=${actions.onUndo} ?disabled=${!file.canUndo}>${msg('撤销修改')}</button>
    <button type="button" @click=${actions.onUndoSave} ?disabled=${!file.canUndoSave || file.saving}>
      ${msg('撤销上次保存')}
    </button>
    <button type="button" class="primary" @click=${actions.onSave} ?disabled=${!file.dirty || file.saving}>
      ${msg('保存')}
    </button>
  </div>`;
}

export function renderFileProblems(file: YamlFileController, path: string): TemplateResult {
  const mine = file.problems.filter((p) => p.diagnostic.file === path);
  const others = file.problems.length - mine.length;
  return html`<section aria-labelledby="problems-heading" class="problem-summary">
    <h3 id="problems-heading">${msg('检查结果')}</h3>
    ${file.saveError ? html`<p class="alert" role="alert">${pick(file.saveError)}</p>` : nothing}
    ${
      mine.length === 0
        ? html`<p>${msg('这个文件没有发现问题。')}</p>`
        : html`<p>${msg(str`这个文件有 ${mine.length} 个问题：`)}</p>
            ${renderProblemList(mine)}`
    }
    ${others > 0 ? html`<p>${msg(str`课程中其他文件还有 ${others} 个问题。`)}</p>` : nothing}
  </section>`;
}
