import { existsSync } from 'node:fs';
import { join } from 'node:path';
import sanitizeHtml from 'sanitize-html';
import type { MediaResponse } from '../../core/studio-api.js';
import { badRequest, StudioError } from './errors.js';
import { moduleFolders } from './outline.js';
import type { CourseStore } from './store.js';

/** Largest image the studio accepts: pages load on phones over mobile data. */
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;

type ImageType = 'png' | 'jpg' | 'gif' | 'webp' | 'svg';

/** The image type by its first bytes, whatever the file is called; null for anything that is not an image. */
export function imageType(bytes: Uint8Array): ImageType | null {
  const starts = (...b: number[]): boolean => b.every((v, i) => bytes[i] === v);
  const ascii = (from: number, text: string): boolean => [...text].every((c, i) => bytes[from + i] === c.charCodeAt(0));
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (starts(0xff, 0xd8, 0xff)) return 'jpg';
  if (ascii(0, 'GIF87a') || ascii(0, 'GIF89a')) return 'gif';
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'webp';
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, 4096));
  } catch {
    return null;
  }
  // An SVG starts with its root element, after an optional XML declaration, comments and doctype.
  const head = text.replace(/^\ufeff/, '').replace(/^(\s|<\?xml[^>]*\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)*/i, '');
  return /^<svg[\s>]/i.test(head) ? 'svg' : null;
}

const SVG_TAGS = [
  'svg',
  'g',
  'defs',
  'symbol',
  'use',
  'title',
  'desc',
  'path',
  'rect',
  'circle',
  'ellipse',
  'line',
  'polyline',
  'polygon',
  'text',
  'tspan',
  'linearGradient',
  'radialGradient',
  'stop',
  'clipPath',
  'mask',
  'pattern',
  'marker',
];
const SVG_ATTRIBUTES = [
  'id',
  'class',
  'viewBox',
  'width',
  'height',
  'x',
  'y',
  'x1',
  'y1',
  'x2',
  'y2',
  'cx',
  'cy',
  'r',
  'rx',
  'ry',
  'd',
  'points',
  'fill',
  'fill-opacity',
  'fill-rule',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-dasharray',
  'opacity',
  'transform',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'offset',
  'stop-color',
  'stop-opacity',
  'gradientUnits',
  'gradientTransform',
  'preserveAspectRatio',
  'xmlns',
  'role',
  'aria-label',
  'aria-hidden',
  'clip-path',
  'mask',
  'marker-end',
  'marker-start',
  'markerWidth',
  'markerHeight',
  'refX',
  'refY',
  'orient',
  'patternUnits',
  'href',
  'xlink:href',
  'xmlns:xlink',
  'version',
  'dx',
  'dy',
];

/**
 * An SVG with nothing that runs or loads: only drawing elements and attributes stay (no script, foreignObject,
 * event handlers or style sheets), and a link may only point inside the file (`#id`).
 */
export function sanitizeSvg(svg: string): string {
  const clean = sanitizeHtml(svg, {
    allowedTags: SVG_TAGS,
    allowedAttributes: { '*': SVG_ATTRIBUTES },
    allowedSchemes: [],
    allowedSchemesAppliedToAttributes: [],
    parser: { xmlMode: true, lowerCaseTags: false, lowerCaseAttributeNames: false },
    exclusiveFilter: () => false,
    transformTags: {
      '*': (tagName, attribs) => {
        const kept = { ...attribs };
        for (const name of ['href', 'xlink:href'])
          if (kept[name] !== undefined && !/^#[\w-]+$/.test(kept[name])) delete kept[name];
        for (const [name, value] of Object.entries(kept)) if (/url\(\s*['"]?(?!#)/i.test(value)) delete kept[name];
        return { tagName, attribs: kept };
      },
    },
  });
  return clean.startsWith('<svg') ? `${clean.trim()}\n` : clean;
}

/** Stores an uploaded image in the module's media/ folder (a free name) and gives the markdown that shows it. */
export function saveImage(store: CourseStore, query: URLSearchParams, bytes: Uint8Array): MediaResponse {
  const alt = (query.get('alt') ?? '').trim();
  if (!alt)
    throw badRequest(
      '请填写图片的替代文字（alt）：用一句话描述图片内容，供读屏软件朗读。',
      'Alternative text (alt) is required: describe the image in one sentence for screen-reader users.',
    );
  const moduleId = query.get('module') ?? '';
  const m = moduleFolders(store.root).get(moduleId);
  if (!m) throw badRequest(`没有 id 为“${moduleId}”的章节。`, `There is no module "${moduleId}".`);
  if (bytes.length > MAX_IMAGE_BYTES)
    throw new StudioError(413, {
      zh: `图片太大（${(bytes.length / 1024 / 1024).toFixed(1)} MB）：最多 2 MB。请先压缩或缩小图片。`,
      en: `The image is too large (${(bytes.length / 1024 / 1024).toFixed(1)} MB); the limit is 2 MB. Compress or resize it first.`,
    });
  const type = imageType(bytes);
  if (!type)
    throw new StudioError(415, {
      zh: '这个文件不是图片（只接受 PNG、JPEG、GIF、WebP 和 SVG），无论文件名怎么写。',
      en: 'This file is not an image (PNG, JPEG, GIF, WebP or SVG only), whatever its name says.',
    });
  const data = type === 'svg' ? new TextEncoder().encode(sanitizeSvg(new TextDecoder().decode(bytes))) : bytes;
  const stem =
    (query.get('name') ?? '')
      .replace(/\.[^.]*$/, '')
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'image';
  const dir = `modules/${m.folder}/media`;
  let name = `${stem}.${type}`;
  for (let n = 2; existsSync(join(store.root, dir, name)); n++) name = `${stem}-${n}.${type}`;
  const path = `${dir}/${name}`;
  store.write(new Map([[path, data]]), `add image ${path}`);
  return { path, markdown: `![${alt.replace(/([[\]\\])/g, '\\$1')}](media/${name})` };
}
