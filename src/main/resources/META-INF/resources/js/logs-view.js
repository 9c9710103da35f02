// The detail panel's output pane: the app's last lines from GET /api/v1/apps/{name}/logs, followed live while the
// panel is open. Read with fetch() (as stream.js does) so the token goes in the Authorization header; when the
// stream ends (the container stopped, or the idle limit passed) it is read again a moment later, which shows the
// output of a restarted container too.

import { apiFetch } from './api.js';
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
    try {
      const response = await apiFetch(`/api/v1/apps/${encodeURIComponent(name)}/logs?tail=${TAIL}&follow=true`,
        { headers: { Accept: 'text/event-stream' }, signal: abort.signal });
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
