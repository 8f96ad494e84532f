import { describe, expect, it } from 'vitest';
import { languageOf } from './language.ts';

describe('Accept-Language → the language of explanations', () => {
  it.each([
    { case: 'absent', header: undefined, lang: 'en' },
    { case: 'nl', header: 'nl', lang: 'nl' },
    { case: 'nl-NL with English second', header: 'nl-NL,nl;q=0.9,en;q=0.8', lang: 'nl' },
    { case: 'English preferred over Dutch', header: 'en-GB,nl;q=0.5', lang: 'en' },
    { case: 'Dutch preferred by weight', header: 'en;q=0.3, nl;q=0.9', lang: 'nl' },
    { case: 'German', header: 'de-DE', lang: 'en' },
    { case: 'Dutch refused with q=0', header: 'nl;q=0', lang: 'en' },
  ])('$case', ({ header, lang }) => expect(languageOf(header)).toBe(lang));
});
