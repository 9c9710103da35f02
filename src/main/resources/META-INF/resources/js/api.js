// Calls to the controller's REST API with the token rules of the API: a 401 asks for the token and retries.

import { askToken, forgetToken, storedToken } from './token.js';

/** A failed API call: its HTTP status and the message of the API's {"error": ...} body. */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/**
 * fetch() with `Authorization: Bearer <token>` once a token is known. On 401 it asks for the token (saying why)
 * and tries again, until the call passes or the user cancels; then the 401 response is returned.
 */
export async function apiFetch(path, init = {}) {
  for (;;) {
    const token = storedToken();
    const response = await tokenFetch(path, init);
    if (response.status !== 401) return response;
    if (token) forgetToken();
    const reason = token
      ? 'The token was refused. Enter the controller\'s ram.api.token.'
      : `${init.method || 'GET'} ${path} needs the controller's API token (ram.api.token).`;
    if (!(await askToken(reason))) return response;
  }
}

/**
 * fetch() with the token once one is known, never asking for one: for reads the user did not ask for, such as the
 * output pane, which must not open a dialog over the page.
 */
export async function tokenFetch(path, init = {}) {
  const token = storedToken();
  const headers = new Headers(init.headers);
  if (token) headers.set('Authorization', 'Bearer ' + token);
  return fetch(path, { ...init, headers });
}

/** The JSON answer of an API call, or an ApiError with the API's message. */
export async function apiJson(path, init = {}) {
  const response = await apiFetch(path, init);
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError(response.status, (body && body.error) || `${path} answered HTTP ${response.status}`);
  }
  return body;
}
