// The API token: asked for once, when a call answers 401, and kept in sessionStorage for this tab only.

const KEY = 'ram.api.token';
let pending = null;

export function storedToken() {
  return sessionStorage.getItem(KEY);
}

export function forgetToken() {
  sessionStorage.removeItem(KEY);
}

/**
 * Opens the token dialog with `reason` and resolves with the token typed (stored for the tab), or null when the
 * user cancels. Calls that fail together share one dialog.
 */
export function askToken(reason) {
  if (pending) return pending;
  const dialog = document.getElementById('token-dialog');
  const input = document.getElementById('token-input');
  document.getElementById('token-reason').textContent = reason;
  input.value = '';
  pending = new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      pending = null;
      const token = dialog.returnValue === 'ok' ? input.value.trim() : '';
      input.value = '';
      if (token) sessionStorage.setItem(KEY, token);
      resolve(token || null);
    }, { once: true });
  });
  dialog.returnValue = '';
  dialog.showModal();
  input.focus();
  return pending;
}
