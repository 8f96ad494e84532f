/**
 * The one way the UI talks to /api/v1: JSON, same-origin cookies, the CSRF token on writes, and
 * problem+json turned into an ApiError whose invalidParams can be shown next to the fields.
 */
export interface InvalidParam {
  name: string;
  reason: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly invalidParams: InvalidParam[];
  constructor(status: number, title: string, detail?: string, invalidParams: InvalidParam[] = []) {
    super(detail ?? title);
    this.name = 'ApiError';
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.invalidParams = invalidParams;
  }
  /** The reason for one field (`contractValueCents`), also matching nested names (`items.0.fte`). */
  fieldError(name: string): string | undefined {
    return this.invalidParams.find((p) => p.name === name || p.name.endsWith(`.${name}`))?.reason;
  }
}

const base = '/api/v1';
let csrfToken: string | null = null;
/** The UI language, sent as Accept-Language so explanations come back in it (core: decision 009). */
let apiLanguage: 'nl' | 'en' = 'nl';

export function setApiLanguage(lang: 'nl' | 'en'): void {
  apiLanguage = lang;
}
let onUnauthenticated: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a signed-in call answers 401 (session expired), so the app can show the sign-in page. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

async function toError(res: Response): Promise<ApiError> {
  let body: { title?: string; detail?: string; invalidParams?: InvalidParam[] } = {};
  try {
    body = (await res.json()) as typeof body;
  } catch {
    // not JSON (a proxy error page): keep the status
  }
  return new ApiError(res.status, body.title ?? res.statusText, body.detail, body.invalidParams ?? []);
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': apiLanguage };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(base + path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network');
  }
  if (!res.ok) {
    const error = await toError(res);
    if (res.status === 401 && path !== '/sessions' && path !== '/me') onUnauthenticated?.();
    throw error;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body ?? {}),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, body ?? {}),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};

/** Builds `?a=1&b=2` from the defined values only. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/**
 * POSTs a body with upload progress (fetch cannot report upload progress, XMLHttpRequest can).
 * Statuses that `accepted` allows resolve with their JSON body; any other is an ApiError.
 */
function postWithProgress<T>(
  path: string,
  body: XMLHttpRequestBodyInit,
  contentType: string | null,
  onProgress: (fraction: number) => void,
  accepted: (status: number) => boolean,
): Promise<{ status: number; body: T }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', base + path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', apiLanguage);
    if (contentType) xhr.setRequestHeader('Content-Type', contentType);
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network'));
    xhr.onload = () => {
      let json: Record<string, unknown> = {};
      try {
        json = xhr.responseText ? (JSON.parse(xhr.responseText) as Record<string, unknown>) : {};
      } catch {
        // keep the status
      }
      if (accepted(xhr.status)) {
        onProgress(1);
        resolve({ status: xhr.status, body: json as T });
      } else {
        if (xhr.status === 401) onUnauthenticated?.();
        reject(
          new ApiError(
            xhr.status,
            typeof json.title === 'string' ? json.title : xhr.statusText,
            typeof json.detail === 'string' ? json.detail : undefined,
            Array.isArray(json.invalidParams) ? (json.invalidParams as InvalidParam[]) : [],
          ),
        );
      }
    };
    xhr.send(body);
  });
}

/** Multipart upload with progress; `onProgress` gets a fraction 0..1. */
export async function upload<T>(
  path: string,
  form: FormData,
  onProgress: (fraction: number) => void,
): Promise<T> {
  const ok = (status: number) => status >= 200 && status < 300;
  return (await postWithProgress<T>(path, form, null, onProgress, ok)).body;
}

/**
 * Sends a file as the request body (not multipart), with upload progress, for imports that answer
 * their row-by-row result both when it succeeds (200) and when it refuses the file (422): both are
 * returned with their status; any other status is an ApiError.
 */
export function sendFile<T>(
  path: string,
  file: Blob,
  contentType: string,
  onProgress: (fraction: number) => void = () => undefined,
): Promise<{ status: number; body: T }> {
  return postWithProgress<T>(path, file, contentType, onProgress, (s) => s === 200 || s === 422);
}
