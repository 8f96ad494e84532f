import { municipalitiesWithPolicy } from '../../db/repositories/policies.ts';
import { defineUseCase } from '../use-case.ts';

/**
 * The municipalities on this installation that have a policy, by name (public: the estimate and the
 * tender advice let a bidder pick one instead of typing its slug). Only name and slug: nothing a
 * municipality has not published already by being on the public pages.
 */
export const listMunicipalities = defineUseCase({
  name: 'municipality.list',
  access: 'public',
  async run({ deps }, _input: void) {
    // Sorted here, in Dutch order, so both databases (whose collations differ) answer alike.
    const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });
    const items = await municipalitiesWithPolicy(deps.db);
    return {
      items: items.sort((a, b) => collator.compare(a.name, b.name) || collator.compare(a.slug, b.slug)),
    };
  },
});
