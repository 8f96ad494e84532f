import { endpoints } from './endpoints.ts';
import type { ActivityTypeList } from './model.ts';
import { useResource } from './useResource.ts';

/** Names of the catalogue's activity types by code (activities and plan items carry only the code). */
export function useTypeNames(): (code: string) => string {
  const catalogue = useResource<ActivityTypeList>(endpoints.activityTypes());
  const names = new Map((catalogue.data?.items ?? []).map((a) => [a.code, a.name]));
  return (code) => names.get(code) ?? code;
}
