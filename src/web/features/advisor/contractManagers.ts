import { useI18n } from '../../i18n/I18nProvider.tsx';
import { endpoints } from '../../lib/endpoints.ts';
import type { ContractManager, List } from '../../lib/model.ts';
import { useResource } from '../../lib/useResource.ts';

/**
 * The options of a contract-manager select: "none" first (value ''), then the municipality's
 * contract managers by name, with their email so two of the same name can be told apart.
 */
export function useContractManagerOptions() {
  const { t } = useI18n();
  const managers = useResource<List<ContractManager>>(endpoints.contractManagers);
  const options = [
    { value: '', label: t('contractManager.none') },
    ...(managers.data?.items ?? []).map((m) => ({
      value: m.userId,
      label: m.name ? `${m.name} (${m.email})` : m.email,
    })),
  ];
  return { managers, options };
}
