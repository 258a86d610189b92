// How the SDK decides to retry, mirrored so the transport can announce (or refuse) the wait.

/** What the SDK retries: it follows `x-should-retry` first, then 408, 409, 429 and 5xx. */
export function retryable(response: Response): boolean {
  const should = response.headers.get('x-should-retry');
  if (should === 'true' || should === 'false') {
    return should === 'true';
  }
  return [408, 409, 429].includes(response.status) || response.status >= 500;
}

/** `Retry-After` in seconds (a number or an HTTP date), or `retry-after-ms`; undefined when absent. */
export function retryAfter(headers: Headers): number | undefined {
  const ms = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms)) {
    return ms / 1000;
  }
  const value = headers.get('retry-after');
  if (value === null) {
    return undefined;
  }
  const seconds = Number.parseFloat(value);
  if (Number.isFinite(seconds)) {
    return seconds;
  }
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}
