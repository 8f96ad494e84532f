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
 * Multipart upload with progress (fetch cannot report upload progress, XMLHttpRequest can).
 * `onProgress` gets a fraction 0..1.
 */
export function upload<T>(path: string, form: FormData, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', base + path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', apiLanguage);
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network'));
    xhr.onload = () => {
      let body: Record<string, unknown> = {};
      try {
        body = xhr.responseText ? (JSON.parse(xhr.responseText) as Record<string, unknown>) : {};
      } catch {
        // keep the status
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(body as T);
      } else {
        reject(
          new ApiError(
            xhr.status,
            typeof body.title === 'string' ? body.title : xhr.statusText,
            typeof body.detail === 'string' ? body.detail : undefined,
            Array.isArray(body.invalidParams) ? (body.invalidParams as InvalidParam[]) : [],
          ),
        );
      }
    };
    xhr.send(form);
  });
}

/**
 * A file as the request body (an import): the answer's JSON for 2xx and for 422 (a refused file
 * answers problem details with the result's fields, which the preview shows); other statuses throw.
 */
export async function sendFile<T>(
  path: string,
  file: Blob,
  type: string,
): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': apiLanguage,
    'Content-Type': type,
  };
  if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(base + path, { method: 'POST', headers, credentials: 'same-origin', body: file });
  } catch {
    throw new ApiError(0, 'network');
  }
  if (!res.ok && res.status !== 422) {
    const error = await toError(res);
    if (res.status === 401) onUnauthenticated?.();
    throw error;
  }
  return { status: res.status, body: (await res.json()) as T };
}
