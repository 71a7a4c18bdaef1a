import { useCallback, useEffect, useState } from 'react';
import { ApiError } from './api-client.ts';

export type RequestState<T> = { data: T | undefined; error: ApiError | undefined; loading: boolean; reload: () => void };

/** Runs `load` when `key` changes (a JSON-able description of the request) and keeps the latest answer only. */
export function useRequest<T>(load: (signal: AbortSignal) => Promise<T>, key: unknown): RequestState<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(true);
  const [version, setVersion] = useState(0);
  const serialisedKey = JSON.stringify(key);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    load(controller.signal).then(
      (value) => {
        if (controller.signal.aborted) return;
        setData(value);
        setError(undefined);
        setLoading(false);
      },
      (cause: unknown) => {
        if (controller.signal.aborted) return;
        setError(cause instanceof ApiError ? cause : new ApiError(0, 'CLIENT_ERROR', String(cause)));
        setLoading(false);
      },
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the key describes the request
  }, [serialisedKey, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, error, loading, reload };
}
