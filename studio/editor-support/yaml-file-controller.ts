import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { parseDocument } from 'yaml';
import type {
  Bilingual,
  FileResponse,
  PatchYamlRequest,
  SaveResponse,
  ValidateResponse,
  YamlEdit,
  YamlPath,
} from '../../core/studio-api.js';
import type { StudioClient } from '../shared/api.js';
import { emit } from '../shared/emit.js';
import type { SaveHistory } from '../shared/save-history.js';
import { ApiRefusal, callApi, describeFailure } from './api.js';
import { applyEdits, diffEdits, samePlain, type Plain } from './yaml-edits.js';
import { isUnder, parseYaml, placeDiagnostics, type PlacedDiagnostic } from './yaml-paths.js';

/** How the yaml library writes text back: no folding, so one edited value stays on its line (as the server does). */
const OUTPUT = { lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false } as const;

/** Time after the last keystroke before the course is validated with the edited text. */
export const VALIDATE_DELAY_MS = 400;

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'failed';

/** What the controller needs from its editor: the shell's client and the session's save history. */
export interface EditorHost extends ReactiveControllerHost, HTMLElement {
  readonly api: StudioClient;
  readonly history: SaveHistory;
}

/**
 * One YAML file edited through forms: loads it (`GET /api/file`), keeps the saved data and the edited data, turns
 * their difference into minimal `PATCH /api/yaml` edits, validates the edited text with the build (`POST
 * /api/validate`, debounced) and places each problem on the field at its line, saves, undoes form edits, and undoes
 * saves within the session (saving the earlier text back, `PUT /api/file`, validated like any save). The host
 * re-renders on every change; `onText` lets it render a preview of the edited text.
 *
 * Fires from the host: `studio-dirty` when unsaved changes appear or go, `studio-draft` with the edited text at each
 * validation (the shell's problems panel), `studio-saved` after each save.
 */
export class YamlFileController implements ReactiveController {
  status: LoadStatus = 'idle';
  loadError: Bilingual | null = null;
  path = '';
  etag = '';
  /** The file's text as on disk. */
  savedText = '';
  /** The data as saved and as edited in the forms. */
  saved: Plain = null;
  data: Plain = null;
  /** The build's problems for the edited text, placed on fields. */
  problems: PlacedDiagnostic[] = [];
  validating = false;
  saving = false;
  /** Why the last save was refused (its problems are in `problems`), or null. */
  saveError: Bilingual | null = null;
  /** Earlier edited data, newest last, for undo. */
  private readonly history: Plain[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private wasDirty = false;
  /** Counts validations, so an older answer arriving late is dropped. */
  private round = 0;

  constructor(
    private readonly host: EditorHost,
    private readonly onText: (text: string) => Promise<void> = async () => {},
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  get dirty(): boolean {
    return this.status === 'ready' && !samePlain(this.saved, this.data);
  }

  get canUndo(): boolean {
    return this.history.length > 0;
  }

  /** The edits a save sends: only what differs from the file on disk. */
  get edits(): YamlEdit[] {
    return diffEdits(this.saved, this.data);
  }

  /** The file's text with the edits applied, as the server will write it. */
  editedText(): string {
    const edits = this.edits;
    if (edits.length === 0) return this.savedText;
    const doc = parseDocument(this.savedText);
    applyEdits(doc, edits);
    return doc.toString(OUTPUT);
  }

  async load(path: string): Promise<void> {
    this.path = path;
    this.status = 'loading';
    this.loadError = null;
    this.host.requestUpdate();
    try {
      const file = await callApi<FileResponse>(this.host.api, 'GET', `/api/file?path=${encodeURIComponent(path)}`);
      this.take(file.text, file.etag);
      this.data = this.saved;
      this.history.length = 0;
      this.status = 'ready';
      this.notifyDirty();
      await this.check();
    } catch (failure) {
      this.status = 'failed';
      this.loadError = describeFailure(failure);
    }
    this.host.requestUpdate();
  }

  /** Applies a form change to a copy of the data; validation follows after a pause. */
  change(mutate: (draft: Plain) => void): void {
    const draft = structuredClone(this.data);
    mutate(draft);
    if (samePlain(draft, this.data)) return;
    this.history.push(this.data);
    this.data = draft;
    this.afterChange();
  }

  /** Puts the form back as it was before the last change. */
  undo(): void {
    const previous = this.history.pop();
    if (previous === undefined) return;
    this.data = previous;
    this.afterChange();
  }

  /** The problems about the field at `path` or anything under it (`exact`: that field alone). */
  problemsAt(path: YamlPath, exact = false): PlacedDiagnostic[] {
    return this.problems.filter((p) =>
      exact ? p.path.length === path.length && isUnder(p.path, path) : isUnder(p.path, path),
    );
  }

  /** Saves the edits; a refusal keeps the form as it is and shows why. Resolves true when saved. */
  async save(): Promise<boolean> {
    const edits = this.edits;
    if (edits.length === 0 || this.saving) return false;
    clearTimeout(this.timer);
    this.saving = true;
    this.saveError = null;
    this.host.requestUpdate();
    const text = this.editedText();
    try {
      const body: PatchYamlRequest = { path: this.path, etag: this.etag, edits };
      const answer = await callApi<SaveResponse>(this.host.api, 'PATCH', '/api/yaml', body);
      this.host.history.push(this.path, this.savedText);
      await this.reread(answer);
      return true;
    } catch (failure) {
      this.saveError = describeFailure(failure);
      if (failure instanceof ApiRefusal && failure.refusal.problems.length > 0) {
        // The refusal's lines are those of the server's text, which keeps the file's own formatting; validating the
        // text this form holds gives the same problems at lines that map onto its fields.
        this.problems = placeDiagnostics(parseYaml(text), this.path, failure.refusal.problems);
        void this.check();
      }
      return false;
    } finally {
      this.saving = false;
      this.host.requestUpdate();
    }
  }

  get canUndoSave(): boolean {
    return this.host.history.count(this.path) > 0;
  }

  /** Saves the text before the last save back (a normal save: validated, snapshotted); the form shows it. */
  async undoSave(): Promise<boolean> {
    const earlier = this.host.history.peek(this.path);
    if (earlier === undefined || this.saving) return false;
    this.saving = true;
    this.saveError = null;
    this.host.requestUpdate();
    try {
      const answer = await callApi<SaveResponse>(this.host.api, 'PUT', '/api/file', {
        path: this.path,
        text: earlier,
        etag: this.etag,
      });
      this.host.history.drop(this.path);
      await this.reread(answer, true);
      return true;
    } catch (failure) {
      this.saveError = describeFailure(failure);
      if (failure instanceof ApiRefusal && failure.refusal.problems.length > 0) {
        this.problems = placeDiagnostics(parseYaml(earlier), this.path, failure.refusal.problems);
      }
      return false;
    } finally {
      this.saving = false;
      this.host.requestUpdate();
    }
  }

  /** Reads back the saved file as the new baseline; `replace` also drops the form's edits (after an undo). */
  private async reread(saved: SaveResponse, replace = false): Promise<void> {
    const file = await callApi<FileResponse>(this.host.api, 'GET', `/api/file?path=${encodeURIComponent(this.path)}`);
    const edited = this.data;
    this.take(file.text, file.etag);
    // Keep what the trainer typed meanwhile, if anything.
    this.data = replace || samePlain(edited, this.saved) ? this.saved : edited;
    if (replace) this.history.length = 0;
    emit(this.host, 'studio-saved', {
      path: this.path,
      etag: saved.etag,
      ...(saved.snapshot ? { snapshot: saved.snapshot } : {}),
    });
    this.notifyDirty();
    this.host.requestUpdate();
    if (replace) void this.check();
  }

  private take(text: string, etag: string): void {
    this.savedText = text;
    this.etag = etag;
    this.saved = parseDocument(text).toJS() as Plain;
  }

  private afterChange(): void {
    this.saveError = null;
    this.notifyDirty();
    this.host.requestUpdate();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.check(), VALIDATE_DELAY_MS);
  }

  private notifyDirty(): void {
    const dirty = this.dirty;
    if (dirty === this.wasDirty) return;
    this.wasDirty = dirty;
    emit(this.host, 'studio-dirty', { path: this.path, dirty });
  }

  /** Validates the course with the edited text and lets the host preview it. */
  private async check(): Promise<void> {
    const round = ++this.round;
    const text = this.editedText();
    this.validating = true;
    this.host.requestUpdate();
    emit(this.host, 'studio-draft', { path: this.path, text });
    try {
      const [answer] = await Promise.all([
        callApi<ValidateResponse>(this.host.api, 'POST', '/api/validate', { changes: [{ path: this.path, text }] }),
        this.onText(text),
      ]);
      if (round !== this.round) return;
      this.problems = placeDiagnostics(parseYaml(text), this.path, answer.problems);
    } catch (failure) {
      if (round === this.round) this.saveError = describeFailure(failure);
    } finally {
      if (round === this.round) this.validating = false;
      this.host.requestUpdate();
    }
  }
}
