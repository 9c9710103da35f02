// The dashboard's entry point: follows the events stream and hands each event to the part of the page it concerns.

import { apiJson } from './api.js';
import { AppCards } from './app-cards.js';
import { AppsTable } from './apps-table.js';
import { DetailPanel } from './detail.js';
import {
  showEngine, showFailure, showLeader, showPass, showPlan, showProblems, showProxy, showReconcile, showSource,
} from './panels.js';
import { useProxy } from './open-link.js';
import { follow } from './stream.js';

const byId = (id) => document.getElementById(id);

/** Every phase the controller knows, for the phase filter (a phase it adds later joins when first seen). */
const PHASES = ['Pending', 'Starting', 'Running', 'Unhealthy', 'Idle', 'Recreating', 'Restarting', 'CrashLoopBackOff',
  'Completed', 'Failed', 'Suspended', 'Conflict', 'Invalid', 'Removing'];

const detail = new DetailPanel(byId('detail'));
/** The table's last count, shown again when the table comes back into view. */
let tableCount = null;

/** The app count and the "no app matches" line, from the view in use. */
function showCount(shown, total) {
  byId('app-count').textContent = shown === total ? String(total) : `${shown} of ${total}`;
  byId('no-apps').hidden = shown > 0;
}
const table = new AppsTable(byId('app-rows'), {
  onOpen: (key, row) => detail.open(table.app(key), row),
  onCount: (shown, total) => {
    tableCount = [shown, total];
    if (byId('app-cards').hidden) showCount(shown, total);
  },
  onUsers: (users) => fillOptions(byId('filter-user'), users),
});
const cards = new AppCards(byId('app-cards'), {
  onOpen: (key, card) => detail.open(table.app(key), card),
  onCount: showCount,
});
let firstRender = true;

/** Runs `then` once the next frame is painted. */
function afterPaint(then) {
  requestAnimationFrame(() => setTimeout(then));
}

/** Replaces a select's options (after its first, "all") keeping the selection. */
function fillOptions(select, values) {
  const chosen = select.value;
  const all = select.options[0];
  select.replaceChildren(all, ...values.map((v) => new Option(v, v)));
  select.value = values.includes(chosen) ? chosen : '';
}

function showStatus(status) {
  showPass(status);
  showProblems(status.problems || []);
  showEngine({ reachable: status.engineReachable, error: status.engineError });
  showProxy(status.proxy);
  showLeader(status.leader);
  if (status.source) showSource(status.source);
}

function addPhase(phase) {
  if (phase && !PHASES.includes(phase)) {
    PHASES.push(phase);
    fillOptions(byId('filter-phase'), PHASES);
  }
}

const handlers = {
  snapshot({ apps, status, source }) {
    if (firstRender) performance.mark('ram:first-snapshot');
    useProxy(status.proxy && status.proxy.enabled);
    table.sync(apps);
    cards.sync(apps);
    apps.forEach((app) => { addPhase(app.phase); detail.update(app); });
    showStatus(status);
    showSource(source || status.source);
    if (firstRender) {
      firstRender = false;
      afterPaint(() => {
        performance.mark('ram:first-render'); // the time a person sees the table
        table.revealAll();
        afterPaint(() => performance.mark('ram:all-rows'));
      });
    }
  },
  app(app) {
    addPhase(app.phase);
    table.update(app);
    cards.update(app);
    detail.update(app);
  },
  'app-removed'({ key }) {
    table.remove(key);
    cards.remove(key);
    detail.removed(key);
  },
  pass: showPass,
  problems: ({ problems }) => showProblems(problems),
  engine: showEngine,
  proxy: showProxy,
  leader: showLeader,
  source: showSource,
};

function connection(state, detailText) {
  const line = byId('connection');
  line.dataset.state = state;
  byId('connection-token').hidden = state !== 'token';
  line.textContent = {
    connecting: 'Connecting…',
    live: 'Live',
    retrying: detailText && `Disconnected (${detailText.why}); retrying in ${detailText.seconds} s`,
    token: 'Reading needs the API token.',
  }[state];
}

const stream = follow('/api/v1/events', (type, data) => handlers[type]?.(data), connection);
byId('connection-token').addEventListener('click', () => stream.restart());

fillOptions(byId('filter-phase'), PHASES);
/** Both views follow the filters; the one hidden lays nothing out meanwhile. */
function setFilter(filter) {
  table.setFilter(filter);
  cards.setFilter(filter);
}
byId('filter-user').addEventListener('change', (e) => setFilter({ user: e.target.value }));
byId('filter-phase').addEventListener('change', (e) => setFilter({ phase: e.target.value }));
byId('filter-text').addEventListener('input', (e) => setFilter({ text: e.target.value }));

/** Table or cards; the choice is kept for the next visit. */
function showView(view) {
  byId('apps-table-view').hidden = view !== 'table';
  byId('view-table').setAttribute('aria-pressed', String(view === 'table'));
  byId('view-cards').setAttribute('aria-pressed', String(view === 'cards'));
  cards.show(view === 'cards');
  if (view === 'table' && tableCount) showCount(...tableCount);
  localStorage.setItem('ram.view', view);
}
byId('view-table').addEventListener('click', () => showView('table'));
byId('view-cards').addEventListener('click', () => showView('cards'));
showView(localStorage.getItem('ram.view') === 'cards' ? 'cards' : 'table');
byId('filters').addEventListener('submit', (e) => e.preventDefault());

document.querySelectorAll('#apps th[data-column] button').forEach((button) => {
  button.addEventListener('click', () => {
    const th = button.closest('th');
    const { ascending } = table.sortBy(th.dataset.column);
    document.querySelectorAll('#apps th[aria-sort]').forEach((other) => other.removeAttribute('aria-sort'));
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
  });
});

/** Runs an API call from a button: the button is busy meanwhile, a failure is shown in the call's panel. */
function action(buttonId, sectionId, resultId, call, show) {
  const button = byId(buttonId);
  button.addEventListener('click', async () => {
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    try {
      show(await call());
    } catch (e) {
      showFailure(sectionId, resultId, e.message);
    } finally {
      button.disabled = false;
      button.removeAttribute('aria-busy');
    }
  });
}

action('reconcile-button', 'reconcile-section', 'reconcile-result',
  () => apiJson('/api/v1/reconcile', { method: 'POST' }), showReconcile);
action('plan-button', 'plan-section', 'plan-result', () => apiJson('/api/v1/plan'), showPlan);
