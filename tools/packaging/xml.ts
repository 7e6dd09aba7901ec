/**
 * A tiny XML writer for the package manifests: every text and attribute value is escaped here, so a course title
 * holding `<`, `&` or quotes can never break a manifest.
 */

/** An element: name, attributes (undefined values are left out) and children (elements or text). */
export interface XmlElement {
  name: string;
  attrs?: Record<string, string | number | boolean | undefined>;
  children?: (XmlElement | string)[];
}

export function el(
  name: string,
  attrs: XmlElement['attrs'] = {},
  ...children: (XmlElement | string | null | undefined | false)[]
): XmlElement {
  return { name, attrs, children: children.filter((c): c is XmlElement | string => !!c || c === '') };
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`);
}

/** Serialises with two-space indentation; an element holding only text stays on one line. */
export function toXml(root: XmlElement, comment?: string): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  if (comment) lines.push(`<!-- ${comment.replace(/--/g, '- -')} -->`);
  write(root, 0, lines);
  return `${lines.join('\n')}\n`;
}

function write(node: XmlElement, depth: number, lines: string[]): void {
  const pad = '  '.repeat(depth);
  const attrs = Object.entries(node.attrs ?? {})
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
  const children = node.children ?? [];
  if (children.length === 0) {
    lines.push(`${pad}<${node.name}${attrs}/>`);
  } else if (children.every((c) => typeof c === 'string')) {
    lines.push(`${pad}<${node.name}${attrs}>${escapeXml(children.join(''))}</${node.name}>`);
  } else {
    lines.push(`${pad}<${node.name}${attrs}>`);
    for (const child of children) {
      if (typeof child === 'string') lines.push(`${pad}  ${escapeXml(child)}`);
      else write(child, depth + 1, lines);
    }
    lines.push(`${pad}</${node.name}>`);
  }
}
