// The learner's entry point: everything imported here (statically) is what loads before the first page.
import '../components/course-player/define.js';
