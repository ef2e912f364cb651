// One GET for a tab or a page: its answer, its failure (to show with a retry) and a reload.
import { useCallback, useEffect, useState } from "react";
import { api, ProblemError } from "../../api";

export function useLoad<T>(path: string, query?: Record<string, string | number | undefined>) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ProblemError | null>(null);
  const [version, setVersion] = useState(0);
  const key = JSON.stringify(query ?? {});

  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    api.get<T>(path, { query: JSON.parse(key) as Record<string, string>, signal: controller.signal })
      .then(setData)
      .catch((e: unknown) => {
        if (e instanceof ProblemError) setError(e);
        else if (!(e instanceof DOMException && e.name === "AbortError")) throw e;
      });
    return () => controller.abort();
  }, [path, key, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, setData, error, reload, loading: data === null && error === null };
}
