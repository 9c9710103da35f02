// Follows GET /api/v1/events with fetch() and a stream reader rather than EventSource: EventSource cannot send
// the Authorization header, and a token in the URL would end up in logs. Reconnects with back-off when the stream
// drops; every connection starts with a `snapshot` event, which resyncs the page.

import { apiFetch } from './api.js';

const FIRST_RETRY_MS = 1000;
const LONGEST_RETRY_MS = 30000;

/**
 * Reads the stream at `path` for ever. `onEvent(type, data)` gets each event with its JSON parsed;
 * `onState(state, detail)` hears 'connecting', 'live', 'retrying' (detail: seconds and why) and 'token'
 * (the stream needs a token the user did not give; call the returned `restart()` once they do).
 */
export function follow(path, onEvent, onState) {
  let retryMs = FIRST_RETRY_MS;
  let timer = null;

  async function connect() {
    timer = null;
    onState('connecting');
    let why;
    try {
      const response = await apiFetch(path, { headers: { Accept: 'text/event-stream' } });
      if (response.status === 401) {
        onState('token');
        return;
      }
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
      await readEvents(response.body, (type, text) => {
        const data = JSON.parse(text);
        if (type === 'snapshot') {
          retryMs = FIRST_RETRY_MS;
          onState('live');
        }
        onEvent(type, data);
      });
      why = 'the stream ended';
    } catch (e) {
      why = e.message || String(e);
    }
    const wait = retryMs;
    retryMs = Math.min(retryMs * 2, LONGEST_RETRY_MS);
    onState('retrying', { seconds: Math.round(wait / 1000), why });
    timer = setTimeout(connect, wait);
  }

  connect();
  return {
    restart() {
      if (timer) clearTimeout(timer);
      retryMs = FIRST_RETRY_MS;
      connect();
    },
  };
}

/** Parses the text/event-stream `body`, calling `dispatch(type, data)` per event (data as text); comments are skipped. */
export async function readEvents(body, dispatch) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let type = 'message';
  let data = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    const lines = buffer.split(/\r\n|\r|\n/);
    buffer = lines.pop(); // an incomplete last line waits for the next chunk
    for (const line of lines) {
      if (line === '') {
        if (data.length) dispatch(type, data.join('\n'));
        type = 'message';
        data = [];
      } else if (!line.startsWith(':')) {
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') type = value;
        else if (field === 'data') data.push(value);
      }
    }
  }
}
