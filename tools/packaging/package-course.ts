/**
 * Builds the course once and writes one zip per LMS standard (SCORM 1.2, SCORM 2004 4th Edition, cmi5, xAPI) to
 * dist/packages/. Every package holds the same build; only the manifest and the schemas it references differ.
 * Nothing is written unless every package passes its checks, so a bad run never replaces a good package.
 */
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { CourseIndex } from '../../core/types.js';
import { build } from '../build.js';
import { courseRoot } from '../paths.js';
import { externalLoads, fileNameProblems, listFiles } from './contents.js';
import { PackagingError } from './errors.js';
import { MANIFEST, manifestFor, PACKAGE_KINDS, type PackageKind } from './manifests.js';
import { packageMeta, type PackageMeta, type Translations } from './meta.js';
import { checkCourseIri, readPackageSettings } from './settings.js';
import { hasXmllint, schemaFilesFor, validateManifest } from './standards.js';
import { zipFiles } from './zip.js';

export interface PackageOptions {
  /** Course folder: course.yaml, modules/, quizzes/ and imsmanifest.xml (default: this project). */
  root?: string;
  /** Where the zips go (default: dist/packages/ of the project). */
  outDir?: string;
  /** Receives one progress line per step. */
  log?: (line: string) => void;
  /** Skip the schema check when xmllint is missing instead of failing (the CLI does; tests never). */
  allowWithoutXmllint?: boolean;
}

export interface BuiltPackage {
  kind: PackageKind;
  /** Absolute path of the zip. */
  file: string;
  bytes: number;
  /** Number of files in the zip. */
  entries: number;
}

export interface PackageResult {
  meta: PackageMeta;
  packages: BuiltPackage[];
  /** Whether the manifests were checked against the official schemas. */
  validated: boolean;
}

const STEPS = 6;

export async function packageCourse(options: PackageOptions = {}): Promise<PackageResult> {
  const root = options.root ?? courseRoot;
  const outDir = options.outDir ?? join(root, 'dist', 'packages');
  const log = options.log ?? (() => {});
  const step = (n: number, text: string): void => log(`[${n}/${STEPS}] ${text}`);
  const work = mkdtempSync(join(tmpdir(), 'course-package-'));
  try {
    step(1, '读取课程包设置 / Reading the package settings (imsmanifest.xml, course.yaml)');
    const settings = readPackageSettings(root);
    // Refused before the build, so a trainer who has not set the IRI yet hears it at once.
    const declared = readCourseYaml(root);
    if (typeof declared.id === 'string') checkCourseIri(declared.id, root);

    step(2, '检查并生成课程 / Validating and building the course');
    const buildDir = join(work, 'build');
    await build({ root, outDir: buildDir });
    const index = JSON.parse(readFileSync(join(buildDir, 'content', 'course.json'), 'utf8')) as CourseIndex;
    checkCourseIri(index.id, root);

    step(3, '检查课程文件 / Checking the built files (names, no source maps, nothing loaded from elsewhere)');
    const files = listFiles(buildDir);
    const problems = [...fileNameProblems(files), ...externalLoads(buildDir, files)];
    const images = problems.filter((p) => p.file.startsWith('content/media/'));
    if (images.length > 0) {
      // Trainers name images; an LMS or a zip tool may mangle any name that is not plain ASCII.
      const name = images[0]!.file.split('/').pop();
      throw new PackagingError(
        images.map((image) => image.file.replace(/^content\/media\/([^/]+)\//, 'modules/*-$1/media/')).join('\n'),
        {
          zh: `图片文件名“${name}”含有中文、空格或其他符号，有的学习平台无法打开这样的文件。`,
          en: `The image file name "${name}" holds characters other than ASCII letters, digits, "-", "_" and ".", which some LMSs cannot serve.`,
        },
        {
          zh: '把图片改名为只含英文字母、数字和连字符的名字（例如 counter-1.png），并同时修改页面中引用它的地方，再运行 npm run package。',
          en: 'Rename the image using ASCII letters, digits and "-" only (e.g. counter-1.png), update the pages that show it, and package again.',
        },
      );
    }
    if (problems.length > 0) {
      throw new PackagingError(
        problems.map((p) => `${p.file}: ${p.problem}`).join('\n'),
        {
          zh: '生成的课程文件中有学习平台可能无法使用的文件，或会从其他网站加载内容。',
          en: 'The build holds files an LMS may not serve, or loads something from another host.',
        },
        {
          zh: '这是程序的问题，不是内容的问题：请把以上内容发给开发人员。',
          en: 'This is a code problem, not a content one: fix the build so every file is local and named in ASCII.',
        },
      );
    }
    const meta = packageMeta(settings, index, readCourseYaml(root).translations ?? {}, files);

    step(4, '生成清单 / Writing the manifests (imsmanifest.xml ×2, cmi5.xml, tincan.xml)');
    const packages = PACKAGE_KINDS.map((kind) => {
      const manifest = manifestFor(kind, meta);
      return { kind, manifest, schemas: schemaFilesFor(kind, manifest) };
    });

    const validated = hasXmllint();
    if (validated) {
      step(5, '用官方 XML Schema 校验清单 / Validating the manifests against the official schemas (xmllint)');
      for (const { kind, manifest, schemas } of packages) {
        const complaints = validateManifest(kind, manifest, schemas, join(work, 'check', kind));
        if (complaints.length > 0) {
          throw new PackagingError(
            `${kind}/${MANIFEST[kind].file}`,
            {
              zh: `生成的 ${kind} 清单没有通过官方 XML Schema 校验：\n  ${complaints.join('\n  ')}`,
              en: `The generated ${kind} manifest fails the official schema:\n  ${complaints.join('\n  ')}`,
            },
            {
              zh: '检查 imsmanifest.xml 中的 identifier 和标题；如果它们没有问题，请把以上内容发给开发人员。',
              en: 'Check the identifiers and title in imsmanifest.xml; if they are fine, this is a packager bug.',
            },
          );
        }
      }
    } else if (options.allowWithoutXmllint) {
      step(
        5,
        '未找到 xmllint，跳过 XML Schema 校验 / xmllint not found: manifests NOT checked against the schemas (apt-get install libxml2-utils)',
      );
    } else {
      throw new Error('xmllint not found: install libxml2-utils to validate the manifests.');
    }

    step(6, `打包 / Writing the zips to ${outDir}`);
    const courseFiles = new Map(files.map((f) => [f, new Uint8Array(readFileSync(join(buildDir, f)))]));
    const zips = packages.map(({ kind, manifest, schemas }) => {
      const entries = new Map(courseFiles);
      entries.set(MANIFEST[kind].file, new TextEncoder().encode(manifest));
      for (const [path, source] of schemas) entries.set(path, new Uint8Array(readFileSync(source)));
      return { kind, entries: entries.size, data: zipFiles(entries) };
    });
    // Written only now, each through a temporary name: a failed run leaves the previous packages as they were.
    mkdirSync(outDir, { recursive: true });
    const built = zips.map(({ kind, entries, data }) => {
      const file = join(outDir, zipName(meta.identifier, kind));
      writeFileSync(`${file}.partial`, data);
      renameSync(`${file}.partial`, file);
      return { kind, file, bytes: data.length, entries };
    });
    return { meta, packages: built, validated };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export const zipName = (identifier: string, kind: PackageKind): string => `${identifier}-${kind}.zip`;

/** course.yaml as written, for the settings packaging reads before and beside the build (which validates it). */
function readCourseYaml(root: string): { id?: unknown; translations?: Translations } {
  try {
    const data: unknown = parse(readFileSync(join(root, 'course.yaml'), 'utf8'));
    return data && typeof data === 'object' ? data : {};
  } catch {
    return {}; // The build reports a missing or broken course.yaml with file and line.
  }
}
