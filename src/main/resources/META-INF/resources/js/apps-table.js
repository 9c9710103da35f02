// The apps table: one row per app, kept by key. The first render parses all rows from one HTML string; after
// that an event rewrites the one row it concerns (and moves it when its sort value changed). Nothing redraws
// the whole table but a change of sort column.

import { ABSENT, text, time } from './format.js';
import { openHref } from './open-link.js';

/** The columns, in table order, with the label the phone layout shows beside each value. */
const COLUMNS = [
  ['user', 'User'], ['mappingId', 'Mapping id'], ['name', 'Name'], ['phase', 'Phase'],
  ['message', 'Message'], ['since', 'Since'], ['image', 'Image'], ['node', 'Node'], ['link', 'Link'],
];
/** Fields the free-text filter looks in. */
const SEARCHED = ['key', 'user', 'mappingId', 'name', 'phase', 'message', 'image', 'node', 'network', 'source', 'containerId', 'urlpath'];
/**
 * Rows laid out before the first paint. Laying out a thousand rows takes longer than a person should wait for the
 * first ones, so the rest stay hidden until revealAll(), called once the first rows are on screen.
 */
const FIRST_ROWS = 100;
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
const escapes = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (value) => String(value).replace(/[&<>"']/g, (c) => escapes[c]);

/** One cell's content as HTML: the phase as colour plus word, times with their exact instant, the app's link. */
function cellHtml(column, app) {
  switch (column) {
    case 'phase':
      return `<span class="phase phase-${escape(app.phase || 'unknown')}">${escape(text(app.phase))}</span>`;
    case 'since':
      return app.since
        ? `<time datetime="${escape(app.since)}" title="${escape(app.since)}">${escape(time(app.since))}</time>`
        : ABSENT;
    case 'link':
      return openHref(app)
        ? `<a href="${escape(openHref(app))}" aria-label="Open ${escape(app.name || app.key)}">Open</a>`
        : ABSENT;
    default:
      return escape(text(app[column]));
  }
}

/** A row's cells as HTML; the message keeps its whole text in a tooltip, as the cell may cut it. */
function cellsHtml(app) {
  return COLUMNS.map(([column, label]) => {
    const title = column === 'message' && app.message ? ` title="${escape(app.message)}"` : '';
    return `<td data-label="${label}"${title}>${cellHtml(column, app)}</td>`;
  }).join('');
}

function rowHtml(app, hidden = false) {
  return `<tr tabindex="0" data-key="${escape(app.key)}" data-phase="${escape(app.phase)}"${hidden ? ' hidden' : ''}>`
    + `${cellsHtml(app)}</tr>`;
}

function haystack(app) {
  return SEARCHED.map((f) => app[f] ?? '').join('\n').toLowerCase();
}

export class AppsTable {
  /**
   * @param tbody   the table body to fill
   * @param hooks   onOpen(key, row): a row was chosen; onCount(shown, total); onUsers(users): the set of users changed
   */
  constructor(tbody, hooks) {
    this.tbody = tbody;
    this.hooks = hooks;
    this.rows = new Map(); // key -> { app, tr, html, haystack }
    this.order = []; // keys, in the order the rows stand
    this.sort = { column: 'key', ascending: true };
    this.filter = { user: '', phase: '', text: '' };
    this.users = new Map(); // user -> number of apps
    tbody.addEventListener('click', (e) => this.clicked(e));
    tbody.addEventListener('keydown', (e) => this.keyed(e));
  }

  app(key) {
    return this.rows.get(key)?.app;
  }

  /** Makes the table show exactly `apps` (a snapshot): adds, patches and removes rows as needed. */
  sync(apps) {
    if (this.rows.size === 0) {
      this.renderAll(apps);
    } else {
      const present = new Set(apps.map((a) => a.key));
      [...this.rows.keys()].filter((key) => !present.has(key)).forEach((key) => this.remove(key, true));
      apps.forEach((app) => this.upsert(app, true));
    }
    this.counted();
  }

  /** One app changed or appeared. */
  update(app) {
    this.upsert(app, false);
  }

  /** One app is gone. */
  remove(key, quiet = false) {
    const row = this.rows.get(key);
    if (!row) return;
    this.order.splice(this.indexOf(row.app), 1);
    this.rows.delete(key);
    row.tr.remove();
    if (this.countUser(row.app.user, -1)) this.usersChanged();
    if (!quiet) this.counted();
  }

  setFilter(filter) {
    this.filter = { ...this.filter, ...filter };
    this.filter.text = this.filter.text.trim().toLowerCase();
    this.revealAll();
  }

  /** Shows every row the filters let through (after a first render, the rows it held back). */
  revealAll() {
    for (const row of this.rows.values()) {
      const hidden = !this.matches(row);
      if (row.tr.hidden !== hidden) row.tr.hidden = hidden;
    }
    this.counted();
  }

  /** Sorts by `column` (again: the other way round) and puts every row in its new place. */
  sortBy(column) {
    this.sort = { column, ascending: this.sort.column === column ? !this.sort.ascending : true };
    this.order.sort((a, b) => this.compare(this.rows.get(a).app, this.rows.get(b).app));
    const fragment = document.createDocumentFragment();
    this.order.forEach((key) => fragment.appendChild(this.rows.get(key).tr));
    this.tbody.appendChild(fragment);
    return this.sort;
  }

  /**
   * The first render: every row parsed from one HTML string, far faster than building them node by node; only the
   * first FIRST_ROWS are shown until revealAll().
   */
  renderAll(apps) {
    const sorted = [...apps].sort((a, b) => this.compare(a, b));
    this.tbody.innerHTML = sorted.map((app, i) => rowHtml(app, i >= FIRST_ROWS)).join('');
    [...this.tbody.rows].forEach((tr, i) => {
      const app = sorted[i];
      this.rows.set(app.key, { app, tr, html: cellsHtml(app), haystack: haystack(app) });
      this.countUser(app.user, 1);
    });
    this.order = sorted.map((app) => app.key);
    this.usersChanged();
  }

  upsert(app, quiet) {
    let row = this.rows.get(app.key);
    if (!row) {
      const template = document.createElement('template');
      template.innerHTML = `<table><tbody>${rowHtml(app)}</tbody></table>`;
      row = { app, tr: template.content.querySelector('tr'), html: cellsHtml(app), haystack: haystack(app) };
      this.rows.set(app.key, row);
      this.place(row);
      if (this.countUser(app.user, 1)) this.usersChanged();
    } else {
      const moved = this.compare(row.app, app) !== 0;
      if (moved) this.order.splice(this.indexOf(row.app), 1);
      row.app = app;
      this.patch(row);
      if (moved) this.place(row);
    }
    row.tr.hidden = !this.matches(row);
    if (!quiet) this.counted();
  }

  /** Rewrites a row's cells when what they show changed; the <tr> itself (and its focus) stays. */
  patch(row) {
    const { app, tr } = row;
    tr.dataset.phase = app.phase;
    const html = cellsHtml(app);
    if (html !== row.html) {
      tr.innerHTML = html;
      row.html = html;
    }
    row.haystack = haystack(app);
  }

  /** Puts a row (not in `order`) at its sorted place, in `order` and in the DOM. */
  place(row) {
    const index = this.indexOf(row.app);
    this.order.splice(index, 0, row.app.key);
    const next = this.order[index + 1];
    this.tbody.insertBefore(row.tr, next ? this.rows.get(next).tr : null);
  }

  /** Where `app` stands (or would stand) in `order`: a binary search with the sort's comparison. */
  indexOf(app) {
    let low = 0;
    let high = this.order.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.compare(this.rows.get(this.order[mid]).app, app) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  compare(a, b) {
    const { column, ascending } = this.sort;
    let order = 0;
    if (column === 'since') order = (Date.parse(a.since) || 0) - (Date.parse(b.since) || 0);
    else if (column !== 'key') order = collator.compare(text(a[column]), text(b[column]));
    if (order === 0) order = a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    return ascending ? order : -order;
  }

  matches(row) {
    const { user, phase, text: words } = this.filter;
    return (!user || row.app.user === user)
      && (!phase || row.app.phase === phase)
      && (!words || row.haystack.includes(words));
  }

  /** Counts one app more or less for `user`; true when the user appeared or disappeared. */
  countUser(user, delta) {
    const count = (this.users.get(user) || 0) + delta;
    if (count > 0) this.users.set(user, count);
    else this.users.delete(user);
    return count === delta || count === 0;
  }

  usersChanged() {
    this.hooks.onUsers([...this.users.keys()].sort(collator.compare));
  }

  counted() {
    let shown = 0;
    for (const row of this.rows.values()) if (this.matches(row)) shown++;
    this.hooks.onCount(shown, this.rows.size);
  }

  clicked(event) {
    if (event.target.closest('a')) return;
    const tr = event.target.closest('tr');
    if (tr) this.hooks.onOpen(tr.dataset.key, tr);
  }

  /** Enter opens a row's details; the arrow keys move between the rows shown. */
  keyed(event) {
    const tr = event.target.closest('tr');
    if (!tr || event.target !== tr) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      this.hooks.onOpen(tr.dataset.key, tr);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 'nextElementSibling' : 'previousElementSibling';
      let next = tr[step];
      while (next && next.hidden) next = next[step];
      next?.focus();
    }
  }
}
