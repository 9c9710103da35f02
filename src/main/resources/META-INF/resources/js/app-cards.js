// The card view: per user, each app as a card with what its image says of it (icon, title, description), its phase
// and an Open button. It keeps the apps by key as events arrive, and lays the cards out only while it is shown, at
// most once a frame, so a stream of events costs nothing while the table is the view in use.

import { ABSENT, text } from './format.js';
import { openHref } from './open-link.js';

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
const escapes = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (value) => String(value).replace(/[&<>"']/g, (c) => escapes[c]);
/** Fields the free-text filter looks in, the image's title and description among them. */
const SEARCHED = ['key', 'user', 'mappingId', 'name', 'phase', 'message', 'image', 'node', 'urlpath'];

/** What a person calls the app: its image's title, else its spec's name, else its mapping id. */
function title(app) {
  return app.app?.title || app.name || app.mappingId;
}

function haystack(app) {
  return [...SEARCHED.map((f) => app[f] ?? ''), app.app?.title ?? '', app.app?.description ?? '']
    .join('\n').toLowerCase();
}

/**
 * The icon's place, or the title's first letter when the image has none. The icon itself (a data URL of up to 256 KiB)
 * is set on the element afterwards, so a thousand cards of one image never copy it into one huge HTML string.
 */
function iconHtml(app) {
  return app.app?.icon
    ? '<img class="app-icon" alt="" width="48" height="48">'
    : `<span class="app-icon app-icon-none" aria-hidden="true">${escape(title(app).charAt(0).toUpperCase())}</span>`;
}

function cardHtml(app) {
  const href = openHref(app);
  const open = href
    ? `<a class="open" href="${escape(href)}" aria-label="Open ${escape(title(app))}">Open</a>`
    : '<button type="button" class="open" disabled>Open</button>';
  const kind = app.app?.kind ? `<span class="app-kind">${escape(app.app.kind)}</span>` : '';
  return `<article class="app-card" tabindex="0" data-key="${escape(app.key)}" data-phase="${escape(app.phase)}">`
    + `${iconHtml(app)}<div class="app-card-body"><h4 class="app-title">${escape(title(app))}</h4>`
    + `<p class="app-description">${escape(app.app?.description || text(app.image))}</p>`
    + `<p class="app-card-foot"><span class="phase phase-${escape(app.phase || 'unknown')}">${escape(text(app.phase))}</span>`
    + `${kind}${open}</p></div></article>`;
}

export class AppCards {
  /**
   * @param container the element that holds the cards, shown and hidden by show()
   * @param hooks     onOpen(key, card): a card was chosen; onCount(shown, total) while the cards are shown
   */
  constructor(container, hooks) {
    this.container = container;
    this.hooks = hooks;
    this.apps = new Map(); // key -> app
    this.filter = { user: '', phase: '', text: '' };
    this.pending = false;
    this.synced = false; // nothing to count before the first snapshot
    container.addEventListener('click', (e) => this.chosen(e));
    container.addEventListener('keydown', (e) => { if (e.key === 'Enter') this.chosen(e); });
  }

  /** Makes the view hold exactly `apps` (a snapshot). */
  sync(apps) {
    this.apps = new Map(apps.map((app) => [app.key, app]));
    this.synced = true;
    this.changed();
  }

  update(app) {
    this.apps.set(app.key, app);
    this.changed();
  }

  remove(key) {
    this.apps.delete(key);
    this.changed();
  }

  setFilter(filter) {
    this.filter = { ...this.filter, ...filter };
    this.filter.text = this.filter.text.trim().toLowerCase();
    this.changed();
  }

  /** Shows or hides the view; shown, it lays out what it holds now. */
  show(visible) {
    this.container.hidden = !visible;
    if (visible) this.render();
  }

  /** Lays the cards out again before the next frame, once however many changes arrive, and only while shown. */
  changed() {
    if (this.container.hidden || this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      if (!this.container.hidden) this.render();
    });
  }

  matches(app) {
    const { user, phase, text: words } = this.filter;
    return (!user || app.user === user) && (!phase || app.phase === phase)
      && (!words || haystack(app).includes(words));
  }

  /** Every user with a shown app, in name order, each with their apps' cards in title order. */
  render() {
    if (!this.synced) return;
    const byUser = new Map();
    for (const app of this.apps.values()) {
      if (!this.matches(app)) continue;
      if (!byUser.has(app.user)) byUser.set(app.user, []);
      byUser.get(app.user).push(app);
    }
    const users = [...byUser.keys()].sort(collator.compare);
    const focused = document.activeElement?.closest?.('.app-card')?.dataset.key;
    this.container.innerHTML = users.map((user) => {
      const apps = byUser.get(user).sort((a, b) => collator.compare(title(a), title(b)) || collator.compare(a.key, b.key));
      return `<section class="user-apps" data-user="${escape(user)}" aria-label="Apps of ${escape(user || ABSENT)}">`
        + `<h3>${escape(text(user))}</h3><div class="user-cards">${apps.map(cardHtml).join('')}</div></section>`;
    }).join('');
    this.container.querySelectorAll('img.app-icon').forEach((img) => {
      img.src = this.apps.get(img.closest('.app-card').dataset.key).app.icon;
    });
    if (focused) this.container.querySelector(`.app-card[data-key="${CSS.escape(focused)}"]`)?.focus();
    this.hooks.onCount(users.reduce((n, user) => n + byUser.get(user).length, 0), this.apps.size);
  }

  chosen(event) {
    if (event.target.closest('a, button')) return;
    const card = event.target.closest('.app-card');
    if (card) {
      event.preventDefault();
      this.hooks.onOpen(card.dataset.key, card);
    }
  }
}
