import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  formatDate,
  formatDateTime,
  formatMoney,
  formatMoneyShort,
  formatNumber,
  formatPercentBp,
  type Lang,
} from '../format.ts';
import { setApiLanguage } from '../api.ts';
import { en } from './en.ts';
import { nl, type MessageKey } from './nl.ts';

export type { MessageKey };
type Vars = Record<string, string | number>;

const dictionaries: Record<Lang, Record<MessageKey, string>> = { nl, en };
const storageKey = 'retour.lang';

function initialLang(): Lang {
  try {
    const stored = localStorage.getItem(storageKey);
    if (stored === 'nl' || stored === 'en') return stored;
  } catch {
    // storage blocked: fall back to Dutch
  }
  return 'nl';
}

/** `{name}` placeholders filled from vars. */
export function interpolate(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, vars?: Vars) => string;
  /** Looks up a key built from API data (a status, a category); falls back to the raw value. */
  tx: (prefix: string, value: string) => string;
  money: (cents: number) => string;
  moneyShort: (cents: number) => string;
  date: (iso: string | null | undefined) => string;
  dateTime: (iso: string) => string;
  number: (n: number, maxFractionDigits?: number) => string;
  percentBp: (bp: number) => string;
  halfYear: (period: string) => string;
}

const I18nContext = createContext<I18n | null>(null);

const missing = new Set<string>();
/** A value from the API without a text: shown raw, and said once in the console in development. */
function warnMissing(key: string): void {
  if (!import.meta.env.DEV || missing.has(key)) return;
  missing.add(key);
  console.warn(`i18n: no text for ${key}; showing the raw value`);
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  // before any child fetches (their effects run before ours): explanations in the UI language
  setApiLanguage(lang);
  useEffect(() => {
    document.documentElement.lang = lang;
    // Until a page sets its own title (`Page · Retour`), the document title follows the language too.
    if (!document.title.includes(' · '))
      document.title = `${dictionaries[lang]['app.name']} — ${dictionaries[lang]['app.tagline']}`;
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(storageKey, next);
    } catch {
      // not persisted; still switched for this visit
    }
  }, []);
  const value = useMemo<I18n>(() => {
    const dict = dictionaries[lang];
    const t = (key: MessageKey, vars?: Vars) => interpolate(dict[key], vars);
    return {
      lang,
      setLang,
      t,
      tx: (prefix, v) => {
        const text = (dict as Record<string, string>)[`${prefix}.${v}`];
        if (text === undefined) warnMissing(`${prefix}.${v}`);
        return text ?? v;
      },
      money: (c) => formatMoney(c, lang),
      moneyShort: (c) => formatMoneyShort(c, lang),
      date: (d) => formatDate(d, lang),
      dateTime: (d) => formatDateTime(d, lang),
      number: (n, digits) => formatNumber(n, lang, digits),
      percentBp: (bp) => formatPercentBp(bp, lang),
      halfYear: (period) => {
        const m = /^(\d{4})-H([12])$/.exec(period);
        return m ? t(m[2] === '1' ? 'period.h1' : 'period.h2', { year: m[1] ?? '' }) : period;
      },
    };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
