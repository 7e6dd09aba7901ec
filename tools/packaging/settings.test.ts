import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PackagingError } from './errors.js';
import { checkCourseIri, courseIriProblem, readPackageSettings } from './settings.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function settingsFrom(xml: string | null) {
  const dir = mkdtempSync(join(tmpdir(), 'settings-test-'));
  dirs.push(dir);
  if (xml !== null) writeFileSync(join(dir, 'imsmanifest.xml'), xml);
  return () => readPackageSettings(dir);
}

const manifest = (inner: string, id = 'my-course') =>
  `<?xml version="1.0"?>\n<manifest identifier="${id}" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1">\n<organizations default="o">${inner}</organizations>\n</manifest>`;

function packagingError(run: () => unknown): PackagingError {
  try {
    run();
  } catch (error) {
    if (error instanceof PackagingError) return error;
    throw error;
  }
  throw new Error('no PackagingError thrown');
}

describe('package settings (top-level imsmanifest.xml)', () => {
  it('reads the identifiers, and no title when the trainer set none', () => {
    expect(settingsFrom(manifest('<organization identifier="my-org"/>'))()).toEqual({
      identifier: 'my-course',
      organization: 'my-org',
    });
  });

  it('reads a catalogue title when the trainer set one', () => {
    const xml = manifest('<organization identifier="my-org"><title> 客服基础（2027 版） </title></organization>');
    expect(settingsFrom(xml)().title).toBe('客服基础（2027 版）');
  });

  it('names the file and line of malformed XML, in Chinese and English', () => {
    const error = packagingError(settingsFrom(manifest('<organization identifier="my-org"><title>x</organization>')));
    expect(error.where).toMatch(/^imsmanifest\.xml:\d+$/);
    expect(error.message).toContain('不是格式正确的 XML');
    expect(error.message).toContain('not well-formed');
  });

  it('refuses identifiers that cannot be XML ids or file names', () => {
    for (const id of ['电信课程', 'my course', '1course', '']) {
      const error = packagingError(settingsFrom(manifest('<organization identifier="my-org"/>', id)));
      expect(error.message).toMatch(/identifier/);
    }
    expect(packagingError(settingsFrom(manifest('<organization/>'))).problem.en).toContain('organization identifier');
  });

  it('refuses an empty title and a missing file', () => {
    expect(
      packagingError(settingsFrom(manifest('<organization identifier="o"><title> </title></organization>'))).problem.zh,
    ).toContain('<title>');
    expect(packagingError(settingsFrom(null)).problem.en).toContain('missing');
  });
});

describe('course IRI', () => {
  it.each([
    'https://training.example.com/courses/x',
    'https://example.com/x',
    'http://example.org/x',
    'https://courses.example/x',
    'https://lms.test/x',
    'http://localhost/x',
    'http://127.0.0.1/x',
    'urn:course:x',
    'not an iri',
  ])('refuses %s', (iri) => {
    expect(courseIriProblem(iri)).not.toBeNull();
  });

  it.each(['https://training.telecom-academy.cn/courses/x', 'https://lms.examples.com.cn/c/1'])('accepts %s', (iri) => {
    expect(courseIriProblem(iri)).toBeNull();
  });

  it('says where the setting is and how to fix it, in Chinese and English', () => {
    const dir = mkdtempSync(join(tmpdir(), 'iri-test-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'course.yaml'), '# comment\nid: https://training.example.com/courses/x\n');
    const error = packagingError(() => checkCourseIri('https://training.example.com/courses/x', dir));
    expect(error.where).toContain('course.yaml:2');
    expect(error.message).toContain('示例地址');
    expect(error.message).toContain('placeholder domain');
    expect(error.message).toContain('10.3');
    expect(error.message).toContain('未生成课程包');
  });
});
