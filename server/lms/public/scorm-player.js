// The SCORM player: scorm-again's Scorm12API / Scorm2004API as window.API / window.API_1484_11, loaded with the
// learner, the pass mark and the data saved at the last commit (so a relaunch resumes), then the course in a frame.
import { applyLanguage, t } from './i18n.js';

const id = location.pathname.split('/').pop();
const status = document.getElementById('status');
const frame = document.getElementById('course-frame');

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = resolve;
    script.onerror = () => reject(new Error(`${src} did not load`));
    document.head.append(script);
  });
}

// Elements the LMS sets itself or that describe one session only: never copied from the last commit.
const SKIP_12 = new Set([
  'student_id',
  'student_name',
  'entry',
  'exit',
  'session_time',
  'total_time',
  'credit',
  'lesson_mode',
]);
const SKIP_2004 = new Set([
  'learner_id',
  'learner_name',
  'entry',
  'exit',
  'session_time',
  'total_time',
  'credit',
  'mode',
  'scaled_passing_score',
  'completion_threshold',
  'launch_data',
  'time_limit_action',
  'max_time_allowed',
]);

function without(obj, skip) {
  return Object.fromEntries(Object.entries(obj ?? {}).filter(([k]) => !skip.has(k)));
}

async function start() {
  applyLanguage();
  document.getElementById('records-link').href = `/records?launch=${encodeURIComponent(id)}`;
  status.textContent = t('scormLoading');
  const res = await fetch(`/lms/api/scorm/${encodeURIComponent(id)}`);
  const config = await res.json();
  if (!res.ok) throw new Error(config.error ?? res.statusText);
  const saved = config.cmi;
  const settings = {
    autocommit: true,
    autocommitSeconds: 5,
    lmsCommitUrl: `/lms/api/scorm/${encodeURIComponent(id)}`,
    dataCommitFormat: 'json',
    logLevel: 4,
  };
  // The pass mark as the package's manifest gives it (scaled 0–1), else the course's.
  const mastery = config.course.masteryScore;
  if (config.standard === 'scorm12') {
    await loadScript('/lms/vendor/scorm12.js');
    const api = new window.Scorm12API(settings);
    if (saved?.core) {
      api.loadFromJSON({ ...saved, core: without(saved.core, SKIP_12) }, '');
    }
    api.cmi.core.student_id = config.learner.id;
    api.cmi.core.student_name = config.learner.name;
    api.cmi.core.entry = saved?.core?.exit === 'suspend' ? 'resume' : saved ? '' : 'ab-initio';
    api.cmi.student_data.mastery_score = String(Math.round(mastery * 100));
    window.API = api;
  } else {
    await loadScript('/lms/vendor/scorm2004.js');
    const api = new window.Scorm2004API(settings);
    if (saved) api.loadFromJSON(without(saved, SKIP_2004), '');
    api.cmi.learner_id = config.learner.id;
    api.cmi.learner_name = config.learner.name;
    api.cmi.entry = saved?.exit === 'suspend' ? 'resume' : saved ? '' : 'ab-initio';
    api.cmi.scaled_passing_score = String(mastery);
    window.API_1484_11 = api;
  }
  frame.title = t('scormFrameTitle');
  frame.hidden = false;
  frame.src = config.courseUrl;
  status.textContent = '';
}

start().catch((error) => {
  status.className = 'status error';
  status.textContent = t('scormFailed') + error.message;
});
