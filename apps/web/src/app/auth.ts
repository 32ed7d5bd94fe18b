import { useSyncExternalStore } from "react";

/** The session token, kept across visits so a trainee in WeChat's browser stays signed in. */
export const TOKEN_STORAGE_KEY = "zuofu.token";

const listeners = new Set<() => void>();
const endedListeners = new Set<(hadToken: boolean) => void>();

export function getToken(): string | null {
  try {
    return window.localStorage.getItem(TOKEN_STORAGE_KEY);
  } catch {
    return null;
  }
}

function writeToken(token: string | null): void {
  try {
    if (token) window.localStorage.setItem(TOKEN_STORAGE_KEY, token);
    else window.localStorage.removeItem(TOKEN_STORAGE_KEY);
  } catch {
    // Storage blocked: the session lasts as long as this page.
  }
  listeners.forEach((listener) => listener());
}

export function setToken(token: string): void {
  writeToken(token);
}

export function clearToken(): void {
  writeToken(null);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useToken(): string | null {
  return useSyncExternalStore(subscribe, getToken, getToken);
}

/** The server no longer accepts the token (expired, revoked, account disabled). */
export function endSession(): void {
  const hadToken = getToken() !== null;
  clearToken();
  endedListeners.forEach((listener) => listener(hadToken));
}

export function onSessionEnded(listener: (hadToken: boolean) => void): () => void {
  endedListeners.add(listener);
  return () => endedListeners.delete(listener);
}
