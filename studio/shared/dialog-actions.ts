import { html, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';

/** The dialog's own button: what it says, the `returnValue` it closes the dialog with, and how it looks. */
export interface DialogAction {
  label: string;
  value: string;
  kind: 'primary' | 'danger';
  disabled?: boolean;
}

/**
 * The button row of a studio dialog's `<form method="dialog">`: 取消 first (it closes the dialog with `cancel` without
 * checking the fields), then the dialog's own action, which submits the form.
 */
export function dialogActions({ label, value, kind, disabled = false }: DialogAction): TemplateResult {
  return html`<div class="actions">
    <button value="cancel" formnovalidate>${msg('取消')}</button>
    <button class=${kind} value=${value} ?disabled=${disabled}>${label}</button>
  </div>`;
}
