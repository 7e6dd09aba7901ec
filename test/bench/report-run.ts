/** One measured report run for bench.ts, in its own process so its peak memory is the report's alone. */
import { readBuiltCourse } from '../../report/course-files.js';
import { runReport } from '../../report/run.js';

const [endpoint, user, password, contentDir] = process.argv.slice(2) as [string, string, string, string];
const catalog = readBuiltCourse(contentDir);
const started = performance.now();
const result = await runReport({ endpoint, user, password, catalog, pageSize: 500 });
const seconds = (performance.now() - started) / 1000;
console.log(JSON.stringify({ read: result.read, seconds, maxRssKiB: process.resourceUsage().maxRSS }));
