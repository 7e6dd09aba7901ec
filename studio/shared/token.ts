import { STUDIO_TOKEN_STORAGE_KEY } from '../../core/studio-api.js';

/**
 * The studio's token: a `?token=` in the address is moved into sessionStorage and removed from the address bar (so it
 * is not bookmarked, shared in a screenshot or sent as a referrer); otherwise the one kept for this tab, or null.
 */
export function takeToken(win: Pick<Window, 'location' | 'history' | 'sessionStorage'> = window): string | null {
  const url = new URL(win.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    win.sessionStorage.setItem(STUDIO_TOKEN_STORAGE_KEY, fromUrl);
    url.searchParams.delete('token');
    win.history.replaceState(win.history.state, '', `${url.pathname}${url.search}${url.hash}`);
  }
  return win.sessionStorage.getItem(STUDIO_TOKEN_STORAGE_KEY);
}

export function storeToken(token: string, storage: Storage = sessionStorage): void {
  storage.setItem(STUDIO_TOKEN_STORAGE_KEY, token);
}

export function forgetToken(storage: Storage = sessionStorage): void {
  storage.removeItem(STUDIO_TOKEN_STORAGE_KEY);
}
