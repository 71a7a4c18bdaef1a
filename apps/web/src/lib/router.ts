import { useSyncExternalStore } from 'react';

/**
 * A small hash router (`/#/nodes?type=base`): deep links work whatever the static server does
 * with unknown paths, and the server keeps serving one index.html at `/`.
 */
export type Route = { path: string; query: URLSearchParams };

/** Parses a location hash such as `#/nodes?q=abc` into a path and query. */
export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const q = raw.indexOf('?');
  const path = (q < 0 ? raw : raw.slice(0, q)) || '/';
  return { path: path.startsWith('/') ? path : `/${path}`, query: new URLSearchParams(q < 0 ? '' : raw.slice(q + 1)) };
}

function subscribe(callback: () => void): () => void {
  window.addEventListener('hashchange', callback);
  return () => window.removeEventListener('hashchange', callback);
}

function snapshot(): string {
  return window.location.hash;
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, snapshot, () => '');
  return parseHash(hash);
}

export function navigate(path: string): void {
  window.location.hash = path;
}

/** The href for a route, for real links (middle-click opens a new tab). */
export function hrefOf(path: string): string {
  return `#${path}`;
}
