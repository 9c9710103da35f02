// The detail panel's output pane: the app's last lines from GET /api/v1/apps/{name}/logs, followed live while the
// panel is open. Read with fetch() (as stream.js does) so the token goes in the Authorization header; when the
// stream ends (the container stopped, or the idle limit passed) it is read again a moment later, which shows the
// output of a restarted container too. Output needs the token even where reads are open (it may hold secrets); the
// pane then offers a button that asks for it, rather than opening the dialog each time a panel opens.

import { tokenFetch } from './api.js';
import { askToken, forgetToken, storedToken } from './token.js';
import { readEvents } from './stream.js';

const TAIL = 200;
/** Lines kept on the page; older ones are dropped as new ones come. */
const KEEP = 1000;
const AGAIN_MS = 2000;

export class LogsView {
  constructor(pre) {
    this.pre = pre;
    this.name = null;
    this.abort = null;
    this.timer = null;
  }

  /** Shows and follows the output of the app named `name`, unless it is already shown. */
  show(name) {
    if (this.name === name) return;
    this.stop();
    this.pre.replaceChildren();
    this.name = name;
    this.read(name);
  }

  /** Stops following: the panel closed. */
  stop() {
    this.name = null;
    this.abort?.abort();
    clearTimeout(this.timer);
  }

  async read(name) {
    const abort = new AbortController();
    this.abort = abort;
    let note = '';
    const path = `/api/v1/apps/${encodeURIComponent(name)}/logs`;
    try {
      const response = await tokenFetch(`${path}?tail=${TAIL}&follow=true`,
        { headers: { Accept: 'text/event-stream' }, signal: abort.signal });
      if (response.status === 401) {
        if (this.name === name) this.offerToken(name, path);
        return;
      }
      if (!response.ok) {
        const body = await response.json().catch(() => null);
        note = (body && body.error) || `HTTP ${response.status}`;
      } else {
        this.pre.replaceChildren();
        await readEvents(response.body, (stream, line) => this.append(stream, line));
      }
    } catch (e) {
      if (abort.signal.aborted) return;
      note = e.message || String(e);
    }
    if (this.name !== name) return;
    if (note) this.pre.replaceChildren(Object.assign(document.createElement('span'), { className: 'quiet', textContent: note }));
    this.timer = setTimeout(() => this.name === name && this.read(name), AGAIN_MS);
  }

  /** A note and a button in the pane: the output is shown once the user gives the token. */
  offerToken(name, path) {
    const refused = Boolean(storedToken());
    if (refused) forgetToken();
    const button = Object.assign(document.createElement('button'),
      { type: 'button', className: 'logs-token', textContent: 'Enter the API token' });
    button.addEventListener('click', async () => {
      const reason = `GET ${path} needs the controller's API token (ram.api.token): an app's output may hold secrets.`;
      if ((await askToken(reason)) && this.name === name) this.read(name);
    });
    const note = Object.assign(document.createElement('span'), { className: 'quiet',
      textContent: refused ? 'The token was refused. ' : 'The output needs the API token. ' });
    this.pre.replaceChildren(note, button);
  }

  append(stream, line) {
    const span = document.createElement('span');
    span.className = `log-${stream}`;
    span.textContent = line + '\n';
    const follow = this.pre.scrollTop + this.pre.clientHeight >= this.pre.scrollHeight - 4;
    this.pre.append(span);
    while (this.pre.childElementCount > KEEP) this.pre.firstElementChild.remove();
    if (follow) this.pre.scrollTop = this.pre.scrollHeight;
  }
}
