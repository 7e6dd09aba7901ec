/**
 * Undo within the session: each file's earlier saved texts, newest last. Undo saves one back (a normal, validated
 * save), so undo is itself a snapshot and never bypasses the build's checks.
 */
export class SaveHistory {
  private readonly texts = new Map<string, string[]>();

  /** Remembers `text` as what `path` held before a save. */
  push(path: string, text: string): void {
    const list = this.texts.get(path) ?? [];
    if (list.at(-1) !== text) list.push(text);
    this.texts.set(path, list);
  }

  /** The text before the last save, without forgetting it (the save back may be refused). */
  peek(path: string): string | undefined {
    return this.texts.get(path)?.at(-1);
  }

  /** Forgets the newest earlier text, once it has been saved back. */
  drop(path: string): void {
    this.texts.get(path)?.pop();
  }

  count(path: string): number {
    return this.texts.get(path)?.length ?? 0;
  }
}
