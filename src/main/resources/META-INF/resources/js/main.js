// The dashboard's entry point: follows the events stream and hands each event to the part of the page it concerns.

import { apiJson } from './api.js';
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
const table = new AppsTable(byId('app-rows'), {
  onOpen: (key, row) => detail.open(table.app(key), row),
  onCount: (shown, total) => {
    byId('app-count').textContent = shown === total ? String(total) : `${shown} of ${total}`;
    byId('no-apps').hidden = shown > 0;
  },
  onUsers: (users) => fillOptions(byId('filter-user'), users),
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
    detail.update(app);
  },
  'app-removed'({ key }) {
    table.remove(key);
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
byId('filter-user').addEventListener('change', (e) => table.setFilter({ user: e.target.value }));
byId('filter-phase').addEventListener('change', (e) => table.setFilter({ phase: e.target.value }));
byId('filter-text').addEventListener('input', (e) => table.setFilter({ text: e.target.value }));
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
