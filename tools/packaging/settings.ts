/**
 * What a trainer sets for the LMS packages: the top-level imsmanifest.xml (package identifier, organisation
 * identifier, optionally a catalogue title) and the course IRI in course.yaml. Everything else in the manifests is
 * derived from course.yaml and the build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { PackagingError } from './errors.js';

export interface PackageSettings {
  /** The manifest identifier; also names the zips (`<identifier>-scorm12.zip`). */
  identifier: string;
  /** The SCORM organisation identifier. */
  organization: string;
  /** The title LMS catalogues show, when the trainer set one; otherwise the course title is used. */
  title?: string;
}

/** XML ID values (NCName) that are also safe in a file name: ASCII letters, digits, `-`, `_` and `.`. */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const IMSCP_NS = 'http://www.imsglobal.org/xsd/imscp_v1p1';

export function readPackageSettings(root: string): PackageSettings {
  const file = join(root, 'imsmanifest.xml');
  if (!existsSync(file)) {
    throw new PackagingError(
      'imsmanifest.xml',
      { zh: '找不到课程包设置文件 imsmanifest.xml。', en: 'The package settings file imsmanifest.xml is missing.' },
      {
        zh: '从课程仓库恢复 imsmanifest.xml（见培训师指南第 10.4 节）。',
        en: 'Restore imsmanifest.xml from the course repository (see section 10.4 of the authoring guide).',
      },
    );
  }
  const errors: string[] = [];
  const report = (message: string): void =>
    void errors.push(
      message
        .replace(/\[xmldom \w+\]/, '')
        .replace(/\s+/g, ' ')
        .trim(),
    );
  const doc = // xmldom reports some malformations (e.g. a mismatched end tag) only as warnings: all of them count here.
    new DOMParser({
      locator: {},
      errorHandler: { warning: report, error: report, fatalError: report },
    }).parseFromString(readFileSync(file, 'utf8'), 'text/xml');
  const manifest = doc?.documentElement;
  if (errors.length > 0 || !manifest) {
    const line = /line:(\d+)/.exec(errors[0] ?? '')?.[1];
    throw new PackagingError(
      `imsmanifest.xml${line ? `:${line}` : ''}`,
      {
        zh: `imsmanifest.xml 不是格式正确的 XML：${errors[0] ?? '文件为空'}`,
        en: `imsmanifest.xml is not well-formed XML: ${errors[0] ?? 'the file is empty'}`,
      },
      {
        zh: '检查这一行附近的尖括号和引号是否成对，标签是否正确关闭；拿不准时从仓库恢复原文件再改。',
        en: 'Check that angle brackets and quotes are paired and every tag is closed near that line; when unsure, restore the file and edit again.',
      },
    );
  }
  if (manifest.localName !== 'manifest' || manifest.namespaceURI !== IMSCP_NS) {
    throw new PackagingError(
      'imsmanifest.xml',
      {
        zh: `imsmanifest.xml 的根元素应为 <manifest xmlns="${IMSCP_NS}">。`,
        en: `The root element of imsmanifest.xml must be <manifest xmlns="${IMSCP_NS}">.`,
      },
      {
        zh: '从仓库恢复原文件，只改其中的 identifier 和标题。',
        en: 'Restore the file and change only the identifiers and title.',
      },
    );
  }
  const organization = manifest.getElementsByTagNameNS(IMSCP_NS, 'organization')[0];
  const titleElement = organization
    ? Array.from(organization.childNodes).find((n) => n.nodeType === 1 && (n as Element).localName === 'title')
    : undefined;
  const settings: PackageSettings = {
    identifier: checkIdentifier('manifest identifier', manifest.getAttribute('identifier')),
    organization: checkIdentifier('organization identifier', organization?.getAttribute('identifier') ?? null),
  };
  const title = titleElement?.textContent?.trim();
  if (titleElement && !title) {
    throw new PackagingError(
      'imsmanifest.xml',
      { zh: '<organization> 中的 <title> 是空的。', en: 'The <title> in <organization> is empty.' },
      {
        zh: '写上学习平台课程目录中显示的名称，或删除整个 <title> 元素以使用 course.yaml 的 title。',
        en: "Write the name LMS catalogues should show, or delete the <title> element to use course.yaml's title.",
      },
    );
  }
  if (title) settings.title = title;
  return settings;
}

function checkIdentifier(what: string, value: string | null): string {
  if (value && IDENTIFIER.test(value)) return value;
  throw new PackagingError(
    'imsmanifest.xml',
    value
      ? {
          zh: `${what}“${value}”不可用：只能用英文字母、数字、连字符、下划线和点，并以字母开头。`,
          en: `The ${what} "${value}" is not usable: use ASCII letters, digits, "-", "_" and ".", starting with a letter.`,
        }
      : { zh: `缺少 ${what}。`, en: `The ${what} is missing.` },
    {
      zh: '例如写 identifier="telecom-customer-service"。发布后不要再改，否则学习平台会把新包当成另一门课。',
      en: 'For example identifier="telecom-customer-service". Keep it once published: an LMS treats a new one as another course.',
    },
  );
}

/**
 * Why a course IRI must not go into a package, or null when it may. Reserved example and test domains
 * (RFC 2606/6761) name nobody's course: records sent under them would mix with every other course that kept the
 * placeholder.
 */
export function courseIriProblem(iri: string): { zh: string; en: string } | null {
  let host: string;
  try {
    const url = new URL(iri);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      return {
        zh: `课程 id“${iri}”不是 http(s) 网址。`,
        en: `The course id "${iri}" is not an http(s) IRI.`,
      };
    }
    host = url.hostname.toLowerCase();
  } catch {
    return { zh: `课程 id“${iri}”不是有效的网址。`, en: `The course id "${iri}" is not a valid IRI.` };
  }
  const labels = host.split('.');
  const reserved =
    labels.includes('example') ||
    host === 'localhost' ||
    ['test', 'invalid', 'localhost', 'local'].includes(labels.at(-1) ?? '') ||
    /^[0-9.]+$/.test(host);
  if (!reserved) return null;
  return {
    zh: `course.yaml 中的课程 id“${iri}”还是示例地址（${host}）。用示例地址发布的课程，学习记录会和其他同样没改地址的课程混在一起。`,
    en: `The course id "${iri}" in course.yaml still uses a placeholder domain (${host}). Records sent under it would mix with every other course that kept the placeholder.`,
  };
}

export function checkCourseIri(iri: string, root: string): void {
  const problem = courseIriProblem(iri);
  if (!problem) return;
  const file = join(root, 'course.yaml');
  const line = existsSync(file)
    ? readFileSync(file, 'utf8')
        .split(/\r?\n/)
        .findIndex((l) => /^id\s*:/.test(l)) + 1
    : 0;
  throw new PackagingError(`course.yaml${line > 0 ? `:${line}` : ''}  (id)`, problem, {
    zh: '把 id 改成你们单位自己的域名下的地址，例如 https://training.你单位的域名/courses/telecom-customer-service（见培训师指南第 10.3 节）。每个单位只需设置一次，发布后不要再改。',
    en: "Set id to an IRI under your organisation's own domain, e.g. https://training.<your-domain>/courses/telecom-customer-service (authoring guide, section 10.3). Set it once per organisation; never change it after publishing.",
  });
}
