/**
 * The official schemas in ../shared/standards: which of them a manifest references (shipped in its zip, read at
 * package time, never copied into the repository) and validation of a manifest against them with xmllint.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, relative, resolve } from 'node:path';
import { courseRoot } from '../paths.js';
import { MANIFEST, type PackageKind } from './manifests.js';

/** The project's read-only standards, beside the checkout; SHARED_DIR points elsewhere (e.g. from a worktree). */
export function standardsDir(): string {
  return join(process.env.SHARED_DIR ? resolve(process.env.SHARED_DIR) : join(courseRoot, '..', 'shared'), 'standards');
}

/** Schema folder of each manifest family, relative to standardsDir(). */
const FAMILY: Record<string, string> = { scorm12: 'scorm12', scorm2004: 'scorm2004-4th' };

/** The namespace → schema file pairs of a document's xsi:schemaLocation. */
function schemaLocationPairs(text: string): [string, string][] {
  const hints = /xsi:schemaLocation\s*=\s*"([^"]*)"/.exec(text.replace(/<!--[\s\S]*?-->/g, ''))?.[1];
  const parts = hints?.trim().split(/\s+/) ?? [];
  const pairs: [string, string][] = [];
  for (let i = 0; i + 1 < parts.length; i += 2) pairs.push([parts[i]!, parts[i + 1]!]);
  return pairs;
}

/** Every schemaLocation a document names: pairs in xsi:schemaLocation, and xs:import / xs:include targets. */
function referencedSchemas(text: string): string[] {
  const withoutComments = text.replace(/<!--[\s\S]*?-->/g, '');
  const found = schemaLocationPairs(text).map(([, location]) => location);
  for (const m of withoutComments.matchAll(/<(?:xs|xsd):(?:import|include)\b[^>]*?schemaLocation\s*=\s*"([^"]+)"/g)) {
    found.push(m[1]!);
  }
  return found.filter((location) => !/^[a-z]+:/i.test(location));
}

/**
 * The schema files a manifest references, with everything they import or include, as paths relative to the
 * package root mapped to their source in shared/standards.
 */
export function schemaFilesFor(kind: string, manifest: string): Map<string, string> {
  const family = FAMILY[kind];
  const files = new Map<string, string>();
  if (!family) return files;
  const base = join(standardsDir(), family);
  const queue = referencedSchemas(manifest).map((location) => normalize(location));
  while (queue.length > 0) {
    const path = queue.shift()!;
    if (files.has(path)) continue;
    const source = join(base, path);
    if (!existsSync(source)) throw new Error(`The manifest references ${path}, which ${base} does not hold.`);
    files.set(path.split('\\').join('/'), source);
    const dir = dirname(path);
    for (const location of referencedSchemas(readFileSync(source, 'utf8'))) {
      queue.push(relative('.', join(dir, location)));
    }
  }
  return files;
}

/** Whether xmllint (Debian's libxml2-utils) is installed. */
export function hasXmllint(): boolean {
  return spawnSync('xmllint', ['--version'], { stdio: 'ignore' }).status === 0;
}

/**
 * Validates a package's manifest, written with the schemas it ships into an empty folder, and returns xmllint's
 * complaints (empty when valid). Two checks: against the official entry schema of its kind in shared/standards
 * (what the standard names), and against every namespace the manifest's xsi:schemaLocation names, loaded from the
 * copies shipped beside it. The official SCORM 2004 entry schema only checks the content-packaging namespace
 * (sequencing, navigation and metadata are lax there); the second check makes them strict, and proves the shipped
 * schema files are complete.
 */
export function validateManifest(
  kind: PackageKind,
  manifest: string,
  schemas: Map<string, string>,
  dir: string,
): string[] {
  const schema = MANIFEST[kind].schema;
  if (!schema) return [];
  const official = join(standardsDir(), schema);
  if (!existsSync(official)) throw new Error(`Schema not found: ${official} (set SHARED_DIR to the shared/ folder).`);
  mkdirSync(dir, { recursive: true });
  for (const [path, source] of schemas) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    copyFileSync(source, join(dir, path));
  }
  const file = join(dir, MANIFEST[kind].file);
  writeFileSync(file, manifest);
  const complaints = validateXml(file, official);
  const pairs = schemaLocationPairs(manifest);
  if (pairs.length > 0) {
    const wrapper = join(dir, '__all-namespaces.xsd');
    writeFileSync(
      wrapper,
      `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:package-validation">
${pairs.map(([ns, location]) => `  <xs:import namespace="${ns}" schemaLocation="${location}"/>`).join('\n')}
</xs:schema>
`,
    );
    complaints.push(...validateXml(file, wrapper).filter((c) => !complaints.includes(c)));
  }
  return complaints;
}

/** Validates an XML file against a schema file; returns xmllint's complaints, empty when valid. */
export function validateXml(xmlFile: string, schemaFile: string): string[] {
  try {
    execFileSync('xmllint', ['--noout', '--nonet', '--schema', schemaFile, xmlFile], { stdio: 'pipe' });
    return [];
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? error);
    return stderr
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !/ fails to validate$/.test(line) && !/ validates$/.test(line));
  }
}
