import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { afterEach, describe, expect, it } from 'vitest';
import { auIri, MANIFEST, manifestFor, PACKAGE_KINDS, type PackageKind } from './manifests.js';
import type { PackageMeta } from './meta.js';
import { schemaFilesFor, validateManifest } from './standards.js';

const meta: PackageMeta = {
  identifier: 'demo-course',
  organization: 'demo-course-org',
  iri: 'https://training.telecom-academy.cn/courses/demo',
  version: '2.1.0',
  language: 'zh-CN',
  // Markup characters in a title must come out as text, never break the XML.
  title: [
    { lang: 'zh-CN', text: '客服 <基础> & “礼仪” "A"' },
    { lang: 'en-US', text: "Service & etiquette's <basics>" },
  ],
  description: [
    { lang: 'zh-CN', text: '面向一线员工。' },
    { lang: 'en-US', text: 'For frontline staff.' },
  ],
  passingScore: 75,
  files: ['app.js', 'chunks/define-AbC123.js', 'content/course.json', 'index.html'],
};

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const scratch = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'manifest-test-'));
  dirs.push(dir);
  return dir;
};

const validate = (kind: PackageKind, manifest: string): string[] =>
  validateManifest(kind, manifest, schemaFilesFor(kind, manifest), scratch());
const dom = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml');
const all = (xml: string, name: string) => Array.from(dom(xml).getElementsByTagNameNS('*', name));
const one = (xml: string, name: string) => all(xml, name)[0]!;

describe('generated manifests', () => {
  for (const kind of PACKAGE_KINDS.filter((k) => MANIFEST[k].schema)) {
    it(`${kind}: validates against ${MANIFEST[kind].schema}`, () => {
      expect(validate(kind, manifestFor(kind, meta))).toEqual([]);
    });
  }

  it.each<[PackageKind, string, string, RegExp]>([
    ['scorm12', 'adlcp:scormtype="sco"', 'adlcp:scormtype="page"', /scormtype/],
    ['scorm12', '<schemaversion>1.2</schemaversion>', '<version>1.2</version>', /version/],
    ['scorm2004', 'identifier="demo-course-item" ', '', /identifier/],
    ['scorm2004', '<adlnav:hideLMSUI>previous', '<adlnav:hideLMSUI>back', /hideLMSUI/],
    ['scorm2004', 'satisfiedByMeasure="true"', 'satisfiedByMeasure="yes"', /satisfiedByMeasure/],
    ['scorm2004', '<language>zh-CN</language>', '<lang>zh-CN</lang>', /lang/],
    ['cmi5', 'moveOn="CompletedAndPassed"', 'moveOn="Finished"', /moveOn/],
    ['cmi5', '<url>index.html</url>', '', /url|expected/i],
  ])('%s: a manifest broken by replacing %s fails the check', (kind, from, to, complaint) => {
    const good = manifestFor(kind, meta);
    expect(good).toContain(from);
    const complaints = validate(kind, good.replace(from, to));
    expect(complaints.length).toBeGreaterThan(0);
    expect(complaints.join('\n')).toMatch(complaint);
  });

  it('lists every course file under the SCORM resource, launched at index.html', () => {
    for (const kind of ['scorm12', 'scorm2004'] as const) {
      const xml = manifestFor(kind, meta);
      expect(all(xml, 'file').map((f) => f.getAttribute('href'))).toEqual(meta.files);
      expect(one(xml, 'resource').getAttribute('href')).toBe('index.html');
    }
  });

  it('keeps markup characters in titles as text', () => {
    for (const kind of PACKAGE_KINDS) {
      expect(dom(manifestFor(kind, meta)).documentElement.textContent).toContain('客服 <基础> & “礼仪” "A"');
    }
  });

  it('SCORM 1.2: schemaversion 1.2, an SCO with the pass mark as mastery score', () => {
    const xml = manifestFor('scorm12', meta);
    expect(one(xml, 'schemaversion').textContent).toBe('1.2');
    expect(one(xml, 'resource').getAttribute('adlcp:scormtype')).toBe('sco');
    expect(one(xml, 'masteryscore').textContent).toBe('75');
  });

  it('SCORM 2004: success judged by measure at the pass mark, flow, content-set status, LMS previous/continue hidden', () => {
    const xml = manifestFor('scorm2004', meta);
    expect(one(xml, 'schemaversion').textContent).toBe('2004 4th Edition');
    expect(one(xml, 'resource').getAttribute('adlcp:scormType')).toBe('sco');
    expect(one(xml, 'primaryObjective').getAttribute('satisfiedByMeasure')).toBe('true');
    expect(one(xml, 'minNormalizedMeasure').textContent).toBe('0.75');
    expect(one(xml, 'controlMode').getAttribute('flow')).toBe('true');
    const delivery = one(xml, 'deliveryControls');
    expect(delivery.getAttribute('completionSetByContent')).toBe('true');
    expect(delivery.getAttribute('objectiveSetByContent')).toBe('true');
    expect(all(xml, 'hideLMSUI').map((e) => e.textContent)).toEqual(['previous', 'continue']);
  });

  it('cmi5: course and AU ids from the course IRI, both languages, moveOn, masteryScore, launchMethod', () => {
    const xml = manifestFor('cmi5', meta);
    expect(one(xml, 'course').getAttribute('id')).toBe(meta.iri);
    const au = one(xml, 'au');
    expect(au.getAttribute('id')).toBe(auIri(meta));
    expect(auIri(meta).startsWith(`${meta.iri}/`)).toBe(true);
    expect(au.getAttribute('moveOn')).toBe('CompletedAndPassed');
    expect(au.getAttribute('masteryScore')).toBe('0.75');
    expect(au.getAttribute('launchMethod')).toBe('AnyWindow');
    expect(one(xml, 'url').textContent).toBe('index.html');
    expect(all(xml, 'langstring').map((l) => l.getAttribute('lang'))).toEqual(Array(4).fill(['zh-CN', 'en-US']).flat());
  });

  it('xAPI: tincan.xml names the course activity and its launch page', () => {
    const xml = manifestFor('xapi', meta);
    const activity = one(xml, 'activity');
    expect(activity.getAttribute('id')).toBe(meta.iri);
    expect(activity.getAttribute('type')).toBe('http://adlnet.gov/expapi/activities/course');
    expect(all(xml, 'name').map((n) => n.getAttribute('lang'))).toEqual(['zh-CN', 'en-US']);
    expect(one(xml, 'launch').textContent).toBe('index.html');
  });

  it('without a final assessment there is no pass mark: completion only', () => {
    const noPass = { ...meta, passingScore: null };
    expect(all(manifestFor('scorm12', noPass), 'masteryscore')).toHaveLength(0);
    const s2004 = manifestFor('scorm2004', noPass);
    expect(one(s2004, 'primaryObjective').getAttribute('satisfiedByMeasure')).toBe('false');
    expect(all(s2004, 'minNormalizedMeasure')).toHaveLength(0);
    const au = one(manifestFor('cmi5', noPass), 'au');
    expect(au.getAttribute('moveOn')).toBe('Completed');
    expect(au.hasAttribute('masteryScore')).toBe(false);
    for (const kind of ['scorm12', 'scorm2004', 'cmi5'] as const)
      expect(validate(kind, manifestFor(kind, noPass))).toEqual([]);
  });

  it('ships every schema a manifest references, with what those import and include', () => {
    expect([...schemaFilesFor('scorm12', manifestFor('scorm12', meta)).keys()].sort()).toEqual([
      'adlcp_rootv1p2.xsd',
      'ims_xml.xsd',
      'imscp_rootv1p1p2.xsd',
      'imsmd_rootv1p2p1.xsd',
    ]);
    const s2004 = [...schemaFilesFor('scorm2004', manifestFor('scorm2004', meta)).keys()];
    for (const file of ['imscp_v1p1.xsd', 'xml.xsd', 'adlcp_v1p3.xsd', 'adlseq_v1p3.xsd', 'adlnav_v1p3.xsd']) {
      expect(s2004).toContain(file);
    }
    expect(s2004).toContain('imsss_v1p0util.xsd');
    expect(s2004).toContain('common/anyElement.xsd');
    expect(s2004).toContain('vocab/strict.xsd');
    // Commented-out imports in lom.xsd are not followed.
    expect(s2004).not.toContain('vocab/loose.xsd');
    expect(schemaFilesFor('cmi5', manifestFor('cmi5', meta)).size).toBe(0);
  });
});
