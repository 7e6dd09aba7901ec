/** Helpers for browser tests of any component. */
import { setLocale } from '../../locales/localization.js';

/** The focused element, looking inside shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Text with runs of whitespace collapsed, for comparing rendered text. */
export function textOf(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * The language a node is marked with: the `lang` of its nearest element that has one, crossing shadow roots up to
 * `<html>` (what a screen reader uses to pick a voice); '' when nothing sets one.
 */
export function effectiveLang(node: Node): string {
  const parent = node.parentNode;
  let element: Element | null =
    node instanceof Element ? node : parent instanceof ShadowRoot ? parent.host : node.parentElement;
  while (element) {
    const marked = element.closest('[lang]');
    if (marked) return marked.getAttribute('lang') ?? '';
    const root = element.getRootNode();
    element = root instanceof ShadowRoot ? root.host : null;
  }
  return '';
}

/** Every text node under `root`, inside shadow roots too (not in `<style>`). */
export function* deepTextNodes(root: Node): Generator<Text> {
  for (const child of root.childNodes) {
    if (child instanceof Text) yield child;
    else if (child instanceof Element && child.localName !== 'style') {
      if (child.shadowRoot) yield* deepTextNodes(child.shadowRoot);
      yield* deepTextNodes(child);
    }
  }
}

const HAN = /\p{Script=Han}/u;
const LATIN = /\p{Script=Latin}/u;

/**
 * For an English interface over a Chinese course: every text node with Chinese characters (course text) must be
 * marked `contentLang`, every text node with Latin letters and no Chinese (interface words) `uiLang`; likewise the
 * words in `aria-label`, `title` and `placeholder` attributes. Returns what is marked wrong, as short descriptions.
 */
export function misMarkedText(root: Element, uiLang = 'en', contentLang = 'zh-CN'): string[] {
  const wrong: string[] = [];
  const expected = (text: string): string | null => (HAN.test(text) ? contentLang : LATIN.test(text) ? uiLang : null);
  const check = (node: Node, text: string, where: string) => {
    const want = expected(text);
    const got = effectiveLang(node);
    if (want && got !== want) wrong.push(`${where} "${text.trim().slice(0, 50)}" is lang="${got}", not ${want}`);
  };
  for (const text of deepTextNodes(root.shadowRoot ?? root)) check(text, text.data, 'text');
  const elements = function* (node: Node): Generator<Element> {
    for (const child of node.childNodes) {
      if (!(child instanceof Element)) continue;
      yield child;
      if (child.shadowRoot) yield* elements(child.shadowRoot);
      yield* elements(child);
    }
  };
  for (const element of elements(root.shadowRoot ?? root)) {
    for (const name of ['aria-label', 'title', 'placeholder']) {
      const value = element.getAttribute(name);
      if (value) check(element, value, `${element.localName}[${name}]`);
    }
  }
  return wrong;
}

/** For a describe block: the interface in English (page `lang` and locale) before its tests, Chinese again after. */
export function withEnglishInterface(): void {
  let pageLang = '';
  before(async () => {
    pageLang = document.documentElement.lang;
    document.documentElement.lang = 'en';
    await setLocale('en');
  });
  after(async () => {
    document.documentElement.lang = pageLang;
    await setLocale('zh-CN');
  });
}
