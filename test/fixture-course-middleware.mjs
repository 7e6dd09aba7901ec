// Serves the valid fixture course under /__course/, built by the real content pipeline (loadCourse), so browser
// tests of the player run against exactly what the build would emit.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const PREFIX = '/__course/';
let built;

async function fixtureCourse() {
  if (!built) {
    // The pipeline is TypeScript; load it through tsx only when a test asks for the course.
    const { tsImport } = await import('tsx/esm/api');
    const { loadCourse } = await tsImport('../tools/content/load-course.ts', import.meta.url);
    const result = loadCourse(fileURLToPath(new URL('./fixtures/valid/', import.meta.url)), {});
    if (!result.course) throw new Error(`Fixture course is invalid: ${JSON.stringify(result.diagnostics)}`);
    built = result.course;
  }
  return built;
}

export async function fixtureCourseMiddleware(ctx, next) {
  if (!ctx.path.startsWith(PREFIX)) return next();
  const course = await fixtureCourse();
  const path = ctx.path.slice(PREFIX.length);
  const module = /^content\/modules\/(.+)\.json$/.exec(path);
  const asset = course.assets.find((a) => a.target === path);
  if (path === 'content/course.json') ctx.body = course.index;
  else if (module && course.modules.some((m) => m.id === module[1]))
    ctx.body = course.modules.find((m) => m.id === module[1]);
  else if (asset) {
    ctx.type = asset.target.split('.').pop();
    ctx.body = readFileSync(asset.source);
  } else ctx.status = 404;
}
