// The launcher page: shows the course, creates a launch and goes to it; lists recent launches.
import { applyLanguage, el, t } from './i18n.js';

const form = document.getElementById('launch-form');
const status = document.getElementById('status');
let course = null;
let launches = [];

function renderCourse() {
  const box = document.getElementById('course');
  box.replaceChildren();
  if (!course) {
    box.append(el('p', t('notBuilt'), { class: 'status error' }));
    return;
  }
  const dl = el('dl', null, { class: 'facts' });
  dl.append(el('dt', t('course')), el('dd', course.title), el('dt', 'IRI'), el('dd', course.id));
  dl.append(el('dt', t('passMark')), el('dd', `${course.passingScore}%`));
  if (course.packageKind)
    dl.append(el('dt', t('package')), el('dd', `${t(course.packageKind)} · ${course.launchPath}`));
  box.append(dl);
  // A package runs in its own standard only.
  if (course.packageKind) {
    for (const radio of form.elements.standard) {
      radio.checked = radio.value === course.packageKind;
      radio.disabled = radio.value !== course.packageKind;
    }
    syncModeField();
  }
}

function renderLaunches() {
  const box = document.getElementById('launches');
  box.replaceChildren();
  if (!launches.length) {
    box.append(el('p', t('noLaunches')));
    return;
  }
  const list = el('ul', null, { class: 'launches' });
  for (const launch of launches.slice(0, 20)) {
    const item = el('li');
    item.append(el('h3', `${launch.learnerName} (${launch.account}) · ${t(launch.standard)}`));
    const dl = el('dl', null, { class: 'facts' });
    dl.append(el('dt', t('time')), el('dd', new Date(launch.created).toLocaleString(document.documentElement.lang)));
    dl.append(el('dt', t('registration')), el('dd', launch.registration));
    item.append(dl);
    const actions = el('div', null, { class: 'actions' });
    const records = el('a', t('records'), {
      href: `/records?launch=${encodeURIComponent(launch.id)}`,
      class: 'button secondary',
    });
    actions.append(records);
    item.append(actions);
    list.append(item);
  }
  box.append(list);
}

function syncModeField() {
  const standard = form.elements.standard.value;
  document.getElementById('mode-field').hidden = standard !== 'cmi5';
}

async function load() {
  const [c, l] = await Promise.all([
    fetch('/lms/api/course').then((r) => r.json()),
    fetch('/lms/api/launches').then((r) => r.json()),
  ]);
  course = c.course;
  launches = l.launches;
  const studio = document.getElementById('studio-link');
  if (c.studioUrl) studio.href = c.studioUrl;
  studio.hidden = !c.studioUrl;
  renderCourse();
  renderLaunches();
  const last = launches[0];
  if (last && !form.elements.name.value) {
    form.elements.name.value = last.learnerName;
    form.elements.account.value = last.account;
  }
}

form.addEventListener('change', syncModeField);
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  status.className = 'status';
  const name = form.elements.name.value.trim();
  const account = form.elements.account.value.trim();
  for (const [input, ok] of [
    [form.elements.name, !!name],
    [form.elements.account, /^[\w.@-]{1,64}$/.test(account)],
  ]) {
    input.setAttribute('aria-invalid', String(!ok));
  }
  const button = document.getElementById('launch');
  button.disabled = true;
  status.textContent = t('launching');
  try {
    const res = await fetch('/lms/api/launches', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        name,
        account,
        standard: form.elements.standard.value,
        launchMode: form.elements.launchMode.value,
        newRegistration: form.elements.newRegistration.checked,
      }),
    });
    const body = await res.json();
    if (!res.ok) throw new Error(body.error ?? res.statusText);
    location.assign(body.launch.url);
  } catch (error) {
    status.className = 'status error';
    status.textContent = t('error') + error.message;
    button.disabled = false;
  }
});

applyLanguage(() => {
  renderCourse();
  renderLaunches();
});
syncModeField();
load().catch((error) => {
  status.className = 'status error';
  status.textContent = t('error') + error.message;
});
