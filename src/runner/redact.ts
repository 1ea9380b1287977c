/**
 * Secrets never reach stores, traces, exports or logs (DESIGN §9). The config names key variables
 * instead of copying keys; this is the safety net for everything else: any text the runner writes
 * or prints passes through a Redactor that knows the secret values in this process's environment.
 */

/** Environment variables whose values are secrets wherever they appear. */
const SECRET_NAME = /(^|_)(API_?KEY|KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIALS?)($|_)/i;
/** Values shorter than this are too common to scrub safely (e.g. "1", "true"). */
const MIN_SECRET_LENGTH = 8;

export class Redactor {
  readonly #secrets: Array<{ name: string; value: string }>;

  constructor(secrets: ReadonlyArray<{ name: string; value: string }>) {
    // Longest first, so a secret containing another is replaced whole.
    this.#secrets = secrets
      .filter((secret) => secret.value.length >= MIN_SECRET_LENGTH)
      .sort((a, b) => b.value.length - a.value.length);
  }

  /** Secrets from environment variables with secret-looking names, plus the extra names given. */
  static fromEnvironment(env: NodeJS.ProcessEnv = process.env, extraNames: readonly string[] = []): Redactor {
    const secrets: Array<{ name: string; value: string }> = [];
    for (const [name, value] of Object.entries(env)) {
      if (value && (SECRET_NAME.test(name) || extraNames.includes(name))) secrets.push({ name, value });
    }
    return new Redactor(secrets);
  }

  get size(): number {
    return this.#secrets.length;
  }

  /** Replace every secret value with `[redacted:NAME]`. */
  text(value: string): string {
    let out = value;
    for (const secret of this.#secrets) {
      if (out.includes(secret.value)) out = out.split(secret.value).join(`[redacted:${secret.name}]`);
    }
    return out;
  }

  /** Scrub a JSON value by its serialisation; returns the value unchanged when it holds no secret. */
  json<T>(value: T): T {
    if (this.#secrets.length === 0) return value;
    const text = JSON.stringify(value);
    if (text === undefined) return value;
    const clean = this.text(text);
    return clean === text ? value : (JSON.parse(clean) as T);
  }

  /** True when the text still contains a known secret. */
  leaks(value: string): boolean {
    return this.#secrets.some((secret) => value.includes(secret.value));
  }
}

/** Strip credentials, query string and fragment from a URL before it is stored or printed. */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "[unparseable url]";
  }
  const stripped =
    parsed.username !== "" || parsed.password !== "" || parsed.search !== "" || parsed.hash !== "";
  parsed.username = "";
  parsed.password = "";
  parsed.search = "";
  parsed.hash = "";
  const text = parsed.toString();
  return stripped ? `${text}#redacted` : text;
}

/** True when redactUrl had to remove something (the stored URL is then not enough to resume). */
export function urlWasRedacted(stored: string): boolean {
  return stored.endsWith("#redacted") || stored === "[unparseable url]";
}
