// The small panels around the table: engine, proxy, leader, source, last pass, spec problems, plan and reconcile results.

import { element, setTime, text, time, timeElement } from './format.js';

const byId = (id) => document.getElementById(id);

/** A state line: the words say it (never the colour alone), data-ok gives the colour. */
function setState(id, ok, words) {
  const el = byId(id);
  el.dataset.ok = ok === null ? '' : String(ok);
  el.textContent = words;
}

export function showEngine(engine) {
  setState('engine-state', engine.reachable,
    engine.reachable ? 'Reachable' : `Unreachable: ${text(engine.error)}`);
}

export function showProxy(proxy) {
  if (!proxy || !proxy.enabled) {
    setState('proxy-state', null, 'Off (ram.proxy.api-url not set)');
  } else if (proxy.lastError) {
    setState('proxy-state', false, `Failing since ${time(proxy.lastErrorAt)}: ${proxy.lastError}`);
  } else {
    setState('proxy-state', true, `${proxy.routes} routes, synced ${time(proxy.lastSyncAt)}`);
  }
}

/** Who acts for the realm: this controller (leader) or another (this one stands by). */
export function showLeader(leader) {
  if (!leader) {
    setState('leader-state', null, '–');
  } else if (leader.role === 'leader') {
    setState('leader-state', true, leader.electionEnabled ? `This controller (${leader.self})` : `This controller (no election)`);
  } else {
    setState('leader-state', null, `Standby; ${leader.leader || 'nobody known'} leads`);
  }
}

export function showSource(source) {
  if (!source) {
    setState('source-state', null, '–');
    return;
  }
  const revision = source.revision ? ` at ${source.revision.slice(0, 12)}` : '';
  const words = `${source.type} ${source.location}${revision}`;
  setState('source-state', !source.lastError, source.lastError ? `${words}; error: ${source.lastError}` : words);
}

export function showPass(status) {
  setTime(byId('pass-time'), status.finishedAt);
  byId('pass-trigger').textContent = text(status.finishedAt ? status.trigger : null);
  byId('pass-trigger').title = status.trigger || '';
  byId('pass-actions').textContent = text(status.finishedAt ? status.actions : null);
  byId('pass-failures').textContent = text(status.finishedAt ? status.failures : null);
  byId('pass-failures').dataset.ok = String(!status.failures);
  byId('pass-warnings').replaceChildren(...(status.warnings || []).map((w) => element('li', null, w)));
}

/** Each problem as the API words it, `file:line: message`. */
export function showProblems(problems) {
  byId('problems').replaceChildren(...problems.map((p) => element('li', null, p)));
  byId('problem-count').textContent = problems.length;
  byId('no-problems').hidden = problems.length > 0;
  byId('problems-section').dataset.ok = String(problems.length === 0);
}

/** An action (planned or done) as one line: kind, key, reason, and its outcome once it ran. */
function actionItem(action) {
  const li = element('li');
  li.append(element('strong', null, action.kind), ` ${action.key}: ${text(action.reason)}`);
  if (action.outcome) li.append(element('span', 'outcome outcome-' + action.outcome, ` (${action.outcome})`));
  if (action.error) li.append(element('span', 'error', ` ${action.error}`));
  return li;
}

function actionList(actions, none) {
  if (!actions.length) return element('p', 'quiet', none);
  const list = element('ul', 'actions');
  list.append(...actions.map(actionItem));
  return list;
}

export function showPlan(plan) {
  byId('plan-section').hidden = false;
  const parts = [actionList(plan.actions, 'Nothing to do: every app is as its spec says.')];
  if (plan.warnings.length) {
    const warnings = element('ul', 'warnings');
    warnings.append(...plan.warnings.map((w) => element('li', null, w)));
    parts.push(warnings);
  }
  parts.push(stamp('Previewed'));
  byId('plan-result').replaceChildren(...parts);
}

export function showReconcile(result) {
  byId('reconcile-section').hidden = false;
  byId('reconcile-result').dataset.ok = 'true';
  byId('reconcile-result').replaceChildren(
    element('p', null, `Pass done: ${result.actions.length} action(s).`),
    actionList(result.actions, 'Nothing needed doing.'),
    stamp('Ran'));
}

export function showFailure(sectionId, resultId, message) {
  byId(sectionId).hidden = false;
  byId(resultId).dataset.ok = 'false';
  byId(resultId).replaceChildren(element('p', 'error', message), stamp('At'));
}

function stamp(verb) {
  const p = element('p', 'quiet', `${verb} `);
  p.append(timeElement(new Date().toISOString()));
  return p;
}
