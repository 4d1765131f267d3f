/**
 * Retry a dynamic import: if the console's web server restarts while the page is loading,
 * the map and wall chunks would otherwise fail for good (React.lazy keeps the rejection).
 * Chromium fetches a failed module again on the next import().
 */
export function retrying<T>(load: () => Promise<T>, delaysMs: readonly number[] = [500, 1000, 2000, 4000, 8000]): Promise<T> {
  return load().catch((error: unknown) => {
    const [delay, ...rest] = delaysMs;
    if (delay === undefined) throw error;
    return new Promise<T>((resolve, reject) => {
      setTimeout(() => retrying(load, rest).then(resolve, reject), delay);
    });
  });
}
