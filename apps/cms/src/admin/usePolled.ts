import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

type State<T> = { data: T | null; error: string | null };

/**
 * GETs an admin route now, whenever `key` changes, and again every few seconds while the
 * component is shown, so a build's progress appears without reloading.
 */
export function usePolled<T>(url: string | null, intervalMs = 5_000, key: unknown = null): State<T> {
  const { get } = useFetchClient();
  const [state, setState] = React.useState<State<T>>({ data: null, error: null });

  React.useEffect(() => {
    if (!url) return;
    let cancelled = false;
    const load = async () => {
      try {
        const res = await get<{ data: T }>(url);
        if (!cancelled) setState({ data: res.data.data, error: null });
      } catch (error) {
        if (!cancelled) setState((s) => ({ data: s.data, error: (error as Error).message || 'The CMS did not answer.' }));
      }
    };
    void load();
    const timer = setInterval(load, intervalMs);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
    // Not on `get`, a new function on every render: the URL and key say when to start over.
  }, [url, intervalMs, key]);

  return state;
}
