// The apps table: one row per app, kept by key. Events patch the row they concern (cells whose text changed,
// and its place when its sort value changed); nothing redraws the whole table but a change of sort column.

import { ABSENT, element, setPhase, setTime, text } from './format.js';

/** The sortable columns, in table order, with the label the phone layout shows beside each value. */
const COLUMNS = [
  ['user', 'User'], ['mappingId', 'Mapping id'], ['name', 'Name'], ['phase', 'Phase'],
  ['message', 'Message'], ['since', 'Since'], ['image', 'Image'], ['node', 'Node'],
];
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
/** Fields the free-text filter looks in. */
const SEARCHED = ['key', 'user', 'mappingId', 'name', 'phase', 'message', 'image', 'node', 'source', 'containerId', 'urlpath'];

export class AppsTable {
  /**
   * @param tbody   the table body to fill
   * @param hooks   onOpen(key, row): a row was chosen; onCount(shown, total); onUsers(users): the set of users changed
   */
  constructor(tbody, hooks) {
    this.tbody = tbody;
    this.hooks = hooks;
    this.rows = new Map(); // key -> { app, tr, cells, haystack }
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
    for (const row of this.rows.values()) row.tr.hidden = !this.matches(row);
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

  renderAll(apps) {
    for (const app of apps) {
      const row = this.createRow(app);
      this.rows.set(app.key, row);
      this.countUser(app.user, 1);
    }
    this.usersChanged();
    this.order = [...this.rows.keys()];
    this.order.sort((a, b) => this.compare(this.rows.get(a).app, this.rows.get(b).app));
    const fragment = document.createDocumentFragment();
    this.order.forEach((key) => fragment.appendChild(this.rows.get(key).tr));
    this.tbody.appendChild(fragment);
  }

  upsert(app, quiet) {
    let row = this.rows.get(app.key);
    if (!row) {
      row = this.createRow(app);
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
      if (this.compare(this.rows.get(this.order[mid])?.app ?? app, app) < 0) low = mid + 1;
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

  createRow(app) {
    const tr = element('tr');
    tr.tabIndex = 0;
    const cells = {};
    for (const [column, label] of COLUMNS) {
      const td = element('td');
      td.dataset.label = label;
      if (column === 'phase') td.appendChild(element('span'));
      if (column === 'since') td.appendChild(element('time'));
      cells[column] = td;
      tr.appendChild(td);
    }
    cells.link = element('td');
    cells.link.dataset.label = 'Link';
    tr.appendChild(cells.link);
    const row = { app, tr, cells, haystack: '' };
    this.patch(row);
    return row;
  }

  /** Brings a row's cells up to its app, touching only what differs. */
  patch(row) {
    const { app, tr, cells } = row;
    tr.dataset.key = app.key;
    if (tr.dataset.phase !== app.phase) {
      tr.dataset.phase = app.phase;
      setPhase(cells.phase.firstChild, app.phase);
    }
    for (const column of ['user', 'mappingId', 'name', 'message', 'image', 'node']) {
      const value = text(app[column]);
      if (cells[column].textContent !== value) cells[column].textContent = value;
    }
    cells.message.title = app.message || '';
    const since = cells.since.firstChild;
    if (since.dateTime !== (app.since || '')) setTime(since, app.since);
    const link = cells.link.firstChild;
    if (!app.urlpath) {
      if (cells.link.textContent !== ABSENT) cells.link.replaceChildren(ABSENT);
    } else if (!link || link.getAttribute?.('href') !== app.urlpath + '/') {
      const a = element('a', null, 'Open');
      a.href = app.urlpath + '/';
      a.setAttribute('aria-label', `Open ${app.name || app.key}`);
      cells.link.replaceChildren(a);
    }
    row.haystack = SEARCHED.map((f) => app[f] ?? '').join('\n').toLowerCase();
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
    for (const row of this.rows.values()) if (!row.tr.hidden) shown++;
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
