// The records view of one launch: its statements, live as they arrive, or its SCORM data model. All text, no markup.
import { applyLanguage, el, pickLanguage, t } from './i18n.js';

const id = new URLSearchParams(location.search).get('launch') ?? '';
let launch = null;
let scorm = null;
const statements = [];
const seen = new Set();

function verbText(verb) {
  return (
    pickLanguage(verb?.display) ||
    String(verb?.id ?? '')
      .split('/')
      .pop()
  );
}

function objectText(object) {
  if (!object) return '';
  if (object.objectType === 'Agent' || object.objectType === 'Group')
    return object.name ?? object.mbox ?? object.account?.name ?? '';
  if (object.objectType === 'StatementRef') return `StatementRef ${object.id}`;
  if (object.objectType === 'SubStatement') return `${verbText(object.verb)} ${objectText(object.object)}`;
  return pickLanguage(object.definition?.name) || object.id || '';
}

function resultFacts(result) {
  const facts = [];
  if (!result) return facts;
  const score = result.score;
  if (score) {
    const parts = [];
    if (typeof score.scaled === 'number') parts.push(`${Math.round(score.scaled * 1000) / 10}%`);
    if (typeof score.raw === 'number')
      parts.push(`${score.raw}${typeof score.max === 'number' ? ` / ${score.max}` : ''}`);
    facts.push([t('score'), parts.join(' · ')]);
  }
  if (typeof result.success === 'boolean') facts.push([t('success'), result.success ? t('yes') : t('no')]);
  if (typeof result.completion === 'boolean') facts.push([t('completion'), result.completion ? t('yes') : t('no')]);
  if (result.duration) facts.push([t('duration'), result.duration]);
  if (result.response !== undefined) facts.push([t('response'), result.response]);
  return facts;
}

function renderStatement(s) {
  const item = el('li');
  const actor = s.actor?.name ?? s.actor?.account?.name ?? s.actor?.mbox ?? '';
  item.append(el('h3', `${actor} · ${verbText(s.verb)} · ${objectText(s.object)}`));
  const dl = el('dl', null, { class: 'facts' });
  dl.append(
    el('dt', t('time')),
    el('dd', new Date(s.timestamp ?? s.stored).toLocaleString(document.documentElement.lang)),
  );
  dl.append(el('dt', t('verb')), el('dd', s.verb?.id ?? ''));
  dl.append(el('dt', t('object')), el('dd', s.object?.id ?? ''));
  for (const [k, v] of resultFacts(s.result)) dl.append(el('dt', k), el('dd', v));
  item.append(dl);
  const details = el('details');
  details.append(el('summary', t('rawJson')), el('pre', JSON.stringify(s, null, 2)));
  item.append(details);
  return item;
}

function flatten(value, prefix, out) {
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (value !== '' && value !== undefined && value !== null) {
    out.push([prefix, String(value)]);
  }
  return out;
}

function render() {
  const heading = document.getElementById('launch-heading');
  const box = document.getElementById('launch');
  const recordsHeading = document.getElementById('records-heading');
  const records = document.getElementById('records');
  box.replaceChildren();
  records.replaceChildren();
  if (!launch) return;
  heading.textContent = `${launch.learnerName} (${launch.account}) · ${t(launch.standard)}`;
  const dl = el('dl', null, { class: 'facts' });
  dl.append(el('dt', t('time')), el('dd', new Date(launch.created).toLocaleString(document.documentElement.lang)));
  dl.append(el('dt', t('registration')), el('dd', launch.registration));
  box.append(dl);
  const again = el('a', t('relaunch'), { href: '/', class: 'button secondary' });
  const actions = el('div', null, { class: 'actions' });
  actions.append(again);
  box.append(actions);

  if (launch.standard.startsWith('scorm')) {
    recordsHeading.textContent = t('scormData');
    const rows = flatten(scorm, 'cmi', []);
    if (!scorm || !rows.length) {
      records.append(el('p', t('noScormData')));
      return;
    }
    const table = el('table');
    table.append(el('caption', t('scormData')));
    const head = el('tr');
    head.append(el('th', t('element'), { scope: 'col' }), el('th', t('value'), { scope: 'col' }));
    table.append(el('thead'));
    table.tHead.append(head);
    const body = el('tbody');
    for (const [k, v] of rows) {
      const tr = el('tr');
      tr.append(el('th', k, { scope: 'row' }), el('td', v));
      body.append(tr);
    }
    table.append(body);
    records.append(table);
    return;
  }
  recordsHeading.textContent = `${t('recordsHeading')} · ${t('statementCount', statements.length)}`;
  if (!statements.length) {
    records.append(el('p', t('noStatements')));
    return;
  }
  const list = el('ol', null, { class: 'records', reversed: '' });
  for (const s of [...statements].reverse()) list.append(renderStatement(s));
  records.append(list);
}

function add(s) {
  if (seen.has(s.id)) return;
  seen.add(s.id);
  statements.push(s);
}

async function load() {
  const res = await fetch(`/lms/api/launches/${encodeURIComponent(id)}`);
  const body = await res.json();
  if (!res.ok) throw new Error(body.error ?? res.statusText);
  launch = body.launch;
  scorm = body.scorm;
  if (!launch.standard.startsWith('scorm')) {
    const source = new EventSource(`/lms/api/launches/${encodeURIComponent(id)}/stream`);
    const live = document.getElementById('live');
    source.onopen = () => {
      live.className = 'status';
      live.textContent = t('live');
    };
    source.onerror = () => {
      live.className = 'status error';
      live.textContent = t('liveLost');
    };
    source.onmessage = (event) => {
      add(JSON.parse(event.data));
      render();
    };
    const list = await (await fetch(`/lms/api/launches/${encodeURIComponent(id)}/statements`)).json();
    for (const s of list.statements) add(s);
    statements.sort((a, b) => String(a.stored).localeCompare(String(b.stored)));
  }
  render();
}

applyLanguage(render);
load().catch((error) => {
  const live = document.getElementById('live');
  live.className = 'status error';
  live.textContent = t('error') + error.message;
});
