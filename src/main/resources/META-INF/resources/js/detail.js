// The detail panel: everything the API says about one app, kept current while it is open. A modal <dialog>, so
// Escape closes it and focus comes back to the row it was opened from.

import { ABSENT, element, phaseBadge, text, timeElement } from './format.js';
import { LogsView } from './logs-view.js';
import { openHref } from './open-link.js';

/** The facts shown, in order: label and how to render the value from an app view. */
const FACTS = [
  ['Key', (a) => text(a.key)],
  ['Phase', (a) => phaseBadge(a.phase)],
  ['Message', (a) => text(a.message)],
  ['Since', (a) => timeElement(a.since)],
  ['Last action', (a) => text(a.lastAction)],
  ['Reason', (a) => text(a.lastReason)],
  ['Action at', (a) => timeElement(a.lastActionAt)],
  ['Error', (a) => text(a.lastError)],
  ['Container id', (a) => text(a.containerId)],
  ['Exit code', (a) => text(a.exitCode)],
  ['Image', (a) => text(a.image)],
  ['Image digest', (a) => text(a.imageDigest)],
  ['Node', (a) => text(a.node)],
  ['Network', (a) => text(a.network)],
  ['Source file', (a) => text(a.source)],
  ['Revision', (a) => text(a.revision)],
  ['URL path', (a) => link(a.urlpath, openHref(a))],
  ['Host URL', (a) => link(a.hostUrl, a.hostUrl && a.urlpath ? a.hostUrl + a.urlpath + '/' : a.hostUrl)],
  ['URL id', (a) => text(a.urlId)],
  ['Updated', (a) => timeElement(a.updated)],
];

function link(label, href) {
  if (!href) return ABSENT;
  const a = element('a', null, label);
  a.href = href;
  return a;
}

export class DetailPanel {
  constructor(dialog) {
    this.dialog = dialog;
    this.key = null;
    this.opener = null;
    this.logs = new LogsView(dialog.querySelector('#detail-logs'));
    dialog.querySelector('#detail-close').addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => {
      this.key = null;
      this.logs.stop();
      this.opener?.focus();
    });
  }

  open(app, opener) {
    this.key = app.key;
    this.opener = opener;
    this.render(app);
    if (!this.dialog.open) this.dialog.showModal();
    if (app.name) this.logs.show(app.name);
  }

  /** A change of the app shown; other apps are ignored. */
  update(app) {
    if (this.key === app.key) this.render(app);
  }

  /** The app shown is gone. */
  removed(key) {
    if (this.key === key) this.dialog.querySelector('#detail-gone').hidden = false;
  }

  render(app) {
    this.dialog.querySelector('#detail-title').textContent = app.name || app.key;
    this.dialog.querySelector('#detail-gone').hidden = true;
    const facts = this.dialog.querySelector('#detail-facts');
    facts.replaceChildren(...FACTS.flatMap(([label, value]) => {
      const dd = element('dd');
      dd.append(value(app));
      return [element('dt', null, label), dd];
    }));
    const list = this.dialog.querySelector('#detail-transitions');
    const transitions = app.transitions || [];
    list.replaceChildren(...(transitions.length ? transitions.map(transition) : [element('li', 'quiet', ABSENT)]));
  }
}

function transition(t) {
  const li = element('li');
  li.append(timeElement(t.at), ` ${text(t.from)} → `, phaseBadge(t.to));
  if (t.reason) li.append(`: ${t.reason}`);
  return li;
}
