import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { Bilingual, YamlPath } from '../../core/studio-api.js';
import type { FieldLabel, FieldSpec } from './schema-fields.js';
import type { Plain } from './yaml-edits.js';
import type { PlacedDiagnostic } from './yaml-paths.js';

/** Whether the interface is in English (`<html lang>` follows the interface language). */
export function inEnglish(): boolean {
  return document.documentElement.lang.toLowerCase().startsWith('en');
}

/** One side of a bilingual text, in the interface language. */
export function pick(text: Bilingual | FieldLabel): string {
  return inEnglish() ? text.en : text.zh;
}

/** Labels for fields the schemas leave undescribed. */
function fallbackLabel(key: string): string {
  const labels: Record<string, () => string> = {
    id: () => msg('ID'),
    title: () => msg('标题'),
    text: () => msg('文字'),
    feedback: () => msg('反馈'),
    correct: () => msg('答对时的反馈'),
    incorrect: () => msg('答错时的反馈'),
    true: () => msg('选“对”时的反馈'),
    false: () => msg('选“错”时的反馈'),
    questions: () => msg('题目'),
    answer: () => msg('答案'),
  };
  return labels[key]?.() ?? key;
}

export function labelOf(spec: FieldSpec): string {
  return spec.label ? pick(spec.label) : fallbackLabel(spec.key);
}

/** A DOM id for the field at `path`, unique within one editor. */
export function fieldId(path: YamlPath): string {
  return `f-${path.join('-').replace(/[^a-zA-Z0-9_-]/g, '_')}`;
}

/** The build's messages, each with its fix and the line it was reported at. */
export function renderProblemList(problems: readonly PlacedDiagnostic[], id?: string): TemplateResult | typeof nothing {
  if (problems.length === 0) return nothing;
  return html`<ul class="problems" id=${id ?? nothing}>
    ${problems.map(
      ({ diagnostic: d }) =>
        html`<li class=${d.severity === 'warning' ? 'warning' : 'error'}>
          <span class="where">${d.severity === 'warning' ? msg('警告') : msg('错误')} · ${d.file}:${d.line}</span>
          ${pick(d.message)} <span class="fix">${msg('修改方法：')}${pick(d.fix)}</span>
        </li>`,
    )}
  </ul>`;
}

/** What a form field needs: where its value is, the value, the problems found there, and how to change it. */
export interface FieldContext {
  path: YamlPath;
  value: Plain | undefined;
  problems: readonly PlacedDiagnostic[];
  /** Sets the value; `undefined` removes the key from the file. */
  set: (value: Plain | undefined) => void;
  /** Labels for a `choice` field's values (default: the values themselves). */
  optionLabel?: (value: string) => string;
}

function words(value: Plain | undefined): string {
  return Array.isArray(value) ? value.map(String).join('\n') : '';
}

/**
 * A labelled form control for a scalar field of any kind but `list`, `object` and `any` (the editors render those).
 * The schema's description is the hint; problems found at the field make it invalid and describe it.
 */
export function renderField(spec: FieldSpec, ctx: FieldContext): TemplateResult {
  const id = fieldId(ctx.path);
  const hintId = `${id}-hint`;
  const problemId = `${id}-problems`;
  const invalid = ctx.problems.length > 0;
  const described = [spec.hint ? hintId : '', invalid ? problemId : ''].filter(Boolean).join(' ') || nothing;
  const label = html`<label for=${id}
    >${labelOf(spec)}${spec.required ? html`<span class="required"> *</span>` : nothing}</label
  >`;
  const hint = spec.hint ? html`<small class="hint" id=${hintId}>${pick(spec.hint)}</small>` : nothing;
  const problems = renderProblemList(ctx.problems, problemId);
  const value = ctx.value;
  let control: TemplateResult;
  switch (spec.kind) {
    case 'text':
      control = html`<textarea
        id=${id}
        rows="3"
        aria-describedby=${described}
        aria-invalid=${invalid ? 'true' : 'false'}
        ?required=${spec.required}
        .value=${typeof value === 'string' ? value : ''}
        @input=${(e: Event) => ctx.set(textOrAbsent((e.target as HTMLTextAreaElement).value, spec))}
      ></textarea>`;
      break;
    case 'words':
      control = html`<textarea
        id=${id}
        rows="3"
        aria-describedby=${described}
        aria-invalid=${invalid ? 'true' : 'false'}
        .value=${words(value)}
        @change=${(e: Event) => {
          const list = (e.target as HTMLTextAreaElement).value
            .split('\n')
            .map((w) => w.trim())
            .filter(Boolean);
          ctx.set(list.length > 0 || spec.required ? list : undefined);
        }}
      ></textarea>`;
      break;
    case 'number':
    case 'integer':
      control = html`<input
        id=${id}
        type="number"
        inputmode=${spec.kind === 'integer' ? 'numeric' : 'decimal'}
        step=${spec.kind === 'integer' ? '1' : 'any'}
        min=${spec.min ?? nothing}
        max=${spec.max ?? nothing}
        aria-describedby=${described}
        aria-invalid=${invalid ? 'true' : 'false'}
        ?required=${spec.required}
        .value=${typeof value === 'number' ? String(value) : ''}
        @change=${(e: Event) => {
          const raw = (e.target as HTMLInputElement).value.trim();
          ctx.set(raw === '' || Number.isNaN(Number(raw)) ? undefined : Number(raw));
        }}
      />`;
      break;
    case 'boolean':
    case 'flag':
    case 'choice': {
      const options =
        spec.kind === 'choice'
          ? (spec.options ?? []).map((o) => ({ value: o, label: ctx.optionLabel?.(o) ?? o }))
          : spec.kind === 'flag'
            ? [{ value: 'true', label: msg('是') }]
            : [
                { value: 'true', label: msg('是') },
                { value: 'false', label: msg('否') },
              ];
      const current = scalarText(value);
      control = html`<select
        id=${id}
        aria-describedby=${described}
        aria-invalid=${invalid ? 'true' : 'false'}
        @change=${(e: Event) => {
          const chosen = (e.target as HTMLSelectElement).value;
          if (chosen === '') ctx.set(undefined);
          else ctx.set(spec.kind === 'choice' ? chosen : chosen === 'true');
        }}
      >
        ${spec.required && current !== '' ? nothing : html`<option value="" ?selected=${current === ''}>${msg('（不设置，用默认）')}</option>`}
        ${options.map((o) => html`<option value=${o.value} ?selected=${current === o.value}>${o.label}</option>`)}
      </select>`;
      break;
    }
    default:
      control = html`<input
        id=${id}
        type="text"
        autocomplete="off"
        spellcheck="false"
        aria-describedby=${described}
        aria-invalid=${invalid ? 'true' : 'false'}
        ?required=${spec.required}
        .value=${scalarText(value)}
        @input=${(e: Event) => ctx.set(textOrAbsent((e.target as HTMLInputElement).value, spec))}
      />`;
  }
  return html`<div class="field ${invalid ? 'invalid' : ''}" data-field=${ctx.path.join('.')}>
    ${label}${control}${hint}${problems}
  </div>`;
}

/** An emptied optional text leaves the file; an emptied required one stays (empty) so the build names it. */
function textOrAbsent(text: string, spec: FieldSpec): Plain | undefined {
  return text === '' && !spec.required ? undefined : text;
}

/** A scalar value as a control shows it; '' for absent values and for lists or maps (not edited here). */
function scalarText(value: Plain | undefined): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}
