import { useI18n } from '../../i18n/I18nProvider.tsx';
import { endpoints } from '../../lib/endpoints.ts';
import type { List } from '../../lib/model.ts';
import { useResource } from '../../lib/useResource.ts';
import { SelectField, TextField } from '../../ui/fields.tsx';

interface Municipality {
  slug: string;
  name: string;
}

/**
 * The municipality of an estimate or tender advice, chosen from the list of municipalities with a
 * policy (`GET /tenants`) by name. Should that list not load, the slug can still be typed.
 */
export function MunicipalityField({
  id,
  value,
  onChange,
  error,
}: {
  id: string;
  value: string;
  onChange: (slug: string) => void;
  error?: string | undefined;
}) {
  const { t } = useI18n();
  const list = useResource<List<Municipality>>(endpoints.municipalities);
  const items = list.data?.items;
  if (!items)
    return (
      <TextField
        id={id}
        label={t('estimate.tenant')}
        description={list.error ? t('estimate.tenantSlugHint') : t('estimate.tenantHint')}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        error={error}
        disabled={list.loading && !list.error}
        required
      />
    );
  const known = items.some((m) => m.slug === value);
  return (
    <SelectField
      id={id}
      label={t('estimate.tenant')}
      description={t('estimate.tenantHint')}
      value={known ? value : ''}
      onChange={(e) => onChange(e.target.value)}
      error={error}
      required
      options={[
        { value: '', label: t('estimate.tenantChoose') },
        ...items.map((m) => ({ value: m.slug, label: m.name })),
      ]}
    />
  );
}
