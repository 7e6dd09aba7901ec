// The learner's entry point: everything imported here (statically) is what loads before the first page.
// Tracking starts first, so the player opens on the learner's own progress from whichever LMS launched it.
import { CoursePlayer } from '../components/course-player/course-player.js';
import { courseFiles } from '../tracking/course-files.js';
import { startTracking } from '../tracking/runtime.js';
import '../tracking/tracking-status/define.js';

const player = document.querySelector('course-player');
if (player) {
  // The tracker and the player both read course.json and the modules: one loader, so each downloads once.
  const loadJson = courseFiles();
  (player as CoursePlayer).loadCourseFile = loadJson;
  // index.html holds the status line (its room is kept from the first frame); a page without one gets one.
  const status = document.querySelector('tracking-status') ?? document.createElement('tracking-status');
  if (!status.isConnected) player.before(status);
  try {
    const tracking = await startTracking({
      indexUrl: new URL(player.getAttribute('src') ?? 'content/course.json', document.baseURI),
      loadJson,
      events: player,
      askLearner: () => status.askLearner(),
      onState: (state, kind) => Object.assign(status, { state, kind }),
    });
    status.learner = tracking.learner ?? '';
    status.canExit = tracking.canExit;
    status.addEventListener('tracking-exit', () => tracking.finish());
    (player as CoursePlayer).progressStorage = tracking.storage;
  } catch (error) {
    // The player still opens (it shows its own loading errors); progress then stays in this browser as before.
    console.error('[tracking] could not start', error);
  }
}
customElements.define('course-player', CoursePlayer);
