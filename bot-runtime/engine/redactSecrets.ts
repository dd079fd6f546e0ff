import type { SecretUse } from '../actions/recordingContext';
import type { OutboundRequest } from '../actions/types';
import type { JsonValue } from '../flow/json';

const SECRET_KEY = /pass(word)?|secret|token|api[-_]?key|authori[sz]ation|cookie|credential/i;
export const REDACTED = '[redacted]';

/**
 * Secret values shorter than this are not searched for inside text: "abc" would also blank the
 * middle of "abcdef", and where the markers land would give the value away. They are still
 * replaced where they are a whole string, or a whole word of a request header (`Bearer abc`).
 */
export const MIN_SEARCHED_SECRET_LENGTH = 4;

/** What a trace shows instead of a secret value: `[secret NAME]`. */
export function secretMarker(name: string): string {
  return /^[A-Za-z_]\w*$/.test(name) ? `[secret ${name}]` : REDACTED;
}

/** Replaces the secret values one action call was given with their markers. */
export interface SecretScrubber {
  /**
   * In any text: each value wherever it appears, also JSON-escaped or URL-encoded; a value
   * shorter than `MIN_SEARCHED_SECRET_LENGTH` only when it is the whole text.
   */
  text(text: string): string;
  /** In a request header value: as `text`, and a short value also as a whole word. */
  header(value: string): string;
}

export function secretScrubber(secrets: readonly SecretUse[]): SecretScrubber {
  const markers = new Map<string, string>();
  const searched: string[] = [];
  const short: string[] = [];
  for (const { name, value } of secrets) {
    if (!value || markers.has(value)) continue;
    const marker = secretMarker(name);
    markers.set(value, marker);
    if (value.length < MIN_SEARCHED_SECRET_LENGTH) {
      short.push(value);
      continue;
    }
    for (const form of encodedForms(value)) {
      if (markers.has(form) && form !== value) continue;
      markers.set(form, marker);
      searched.push(form);
    }
  }
  const inText = alternation(searched);
  const shortWords = short.length > 0 ? `(?<![\\w-])(?:${alternation(short)})(?![\\w-])` : '';
  const inHeader = [inText, shortWords].filter(Boolean).join('|');
  // One pass, so a marker put in is never searched again (a value could be "secret").
  const replaceAll = (text: string, pattern: RegExp | null) =>
    markers.get(text) ??
    withoutCutSecret(
      pattern ? text.replace(pattern, (found) => markers.get(found) ?? REDACTED) : text,
      searched,
      markers,
    );
  const textPattern = inText ? new RegExp(inText, 'g') : null;
  const headerPattern = inHeader ? new RegExp(inHeader, 'g') : null;
  return {
    text: (text) => replaceAll(text, textPattern),
    header: (value) => replaceAll(value, headerPattern),
  };
}

/**
 * The ways a value shows in what a call sends or gets back: as it is, JSON-escaped (also with
 * `\/` and with `\uXXXX` for every non-ASCII character, as PHP and others write JSON), and
 * URL-encoded as a path or as a form.
 */
function encodedForms(value: string): string[] {
  const json = JSON.stringify(value).slice(1, -1);
  const asciiJson = json.replace(
    /[\u0080-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  const jsonForms = [json, asciiJson].flatMap((form) => [form, form.replaceAll('/', '\\/')]);
  const urlForms = [
    encodeURIComponent(value),
    new URLSearchParams({ v: value }).toString().slice(2),
  ];
  return [...new Set([value, ...jsonForms, ...urlForms])];
}

/**
 * A text cut short (a response body kept to its first characters) can end in the first part of
 * a secret: that part is replaced too, when it is long enough to be told from ordinary text.
 */
function withoutCutSecret(
  text: string,
  searched: readonly string[],
  markers: ReadonlyMap<string, string>,
): string {
  for (const form of searched) {
    for (let length = form.length - 1; length >= MIN_SEARCHED_SECRET_LENGTH; length--) {
      if (text.endsWith(form.slice(0, length))) {
        return `${text.slice(0, text.length - length)}${markers.get(form) ?? REDACTED}`;
      }
    }
  }
  return text;
}

const noSecrets = secretScrubber([]);

/**
 * A copy safe to store in a trace: the secrets the call was given are replaced by their markers
 * wherever they appear (also in keys), then values under secret-looking keys by `[redacted]`.
 */
export function redactSecrets(value: JsonValue, scrub: SecretScrubber = noSecrets): JsonValue {
  if (typeof value === 'string') return scrub.text(value);
  if (Array.isArray(value)) return value.map((entry) => redactSecrets(entry, scrub));
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, JsonValue> = {};
  for (const [key, entry] of Object.entries(value)) {
    copy[scrub.text(key)] = SECRET_KEY.test(key) ? REDACTED : redactSecrets(entry, scrub);
  }
  return copy;
}

/**
 * A request as sent, safe to store in a trace: the resolved URL and body, a header filled from
 * a secret as its marker (`Bearer [secret NAME]`), and every other value under a secret-looking
 * header, JSON key, query or form parameter as `[redacted]`.
 */
export function redactRequest(request: OutboundRequest, scrub: SecretScrubber): JsonValue {
  const headers = request.headers ?? {};
  return {
    method: request.method,
    url: scrub.text(request.url).replace(/\?[^#]*/, (query) => redactParameters(query)),
    headers: redactHeaders(headers, scrub),
    body: request.body === undefined ? null : redactBody(request.body, headers, scrub),
  };
}

// All that is left of a header filled from a secret reference: a scheme word and the marker.
const SECRET_HEADER = /^(?:[A-Za-z]+ )?\[secret [A-Za-z_]\w*\]$/;

function redactHeaders(
  headers: Readonly<Record<string, string>>,
  scrub: SecretScrubber,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => {
      const scrubbed = scrub.header(value);
      const hidden = SECRET_KEY.test(name) && !SECRET_HEADER.test(scrubbed);
      return [name, hidden ? REDACTED : scrubbed];
    }),
  );
}

function redactBody(
  body: string,
  headers: Readonly<Record<string, string>>,
  scrub: SecretScrubber,
): JsonValue {
  const contentType = Object.entries(headers).find(([name]) => /^content-type$/i.test(name))?.[1];
  if (/^application\/x-www-form-urlencoded/i.test(contentType ?? '')) {
    return redactParameters(scrub.text(body));
  }
  const json = parseJson(body);
  return json === undefined ? scrub.text(body) : redactSecrets(json, scrub);
}

/** `a=1&api_key=…` (a query after its `?`, or a form body) with secret-looking values hidden. */
function redactParameters(text: string): string {
  return text.replace(/(^|[?&])([^=&#]*)=([^&#]*)/g, (parameter, start: string, name: string) =>
    SECRET_KEY.test(name) ? `${start}${name}=${REDACTED}` : parameter,
  );
}

function parseJson(text: string): JsonValue | undefined {
  if (!/^\s*[[{]/.test(text)) return undefined;
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return undefined;
  }
}

function alternation(values: readonly string[]): string {
  return [...values]
    .sort((a, b) => b.length - a.length)
    .map((value) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
}
