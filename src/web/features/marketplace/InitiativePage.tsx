import { useParams } from 'react-router';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useResource } from '../../lib/useResource.ts';
import { PageTitle, ResourceView } from '../../ui/states.tsx';
import { Alert } from '../../ui/text.tsx';
import { useSession } from '../session/session.tsx';
import { InitiativeDetails, ProfileStatus } from './InitiativeCard.tsx';
import { marketEndpoints, type Initiative } from './model.ts';
import { FittingSuppliersOfNeeds } from './Matching.tsx';
import { PledgeForm } from './PledgeForm.tsx';
import { ReviewForm } from './ReviewForm.tsx';

/** One initiative: suppliers pledge here, advisors review here. */
export default function InitiativePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { me } = useSession();
  const initiative = useResource<Initiative>(marketEndpoints.one(id));
  return (
    <ResourceView resource={initiative}>
      {(i) => (
        <>
          <PageTitle title={i.name}>{i.name}</PageTitle>
          <ProfileStatus status={i.status} />
          {i.reviewReason ? (
            <Alert type="info" heading={t('market.reviewReason')}>
              {i.reviewReason}
            </Alert>
          ) : null}
          <InitiativeDetails initiative={i} />
          {me?.role === 'supplier' ? <PledgeForm initiativeId={i.id} needs={i.needs} /> : null}
          {me?.role === 'advisor' || me?.role === 'municipalityAdmin' ? (
            <FittingSuppliersOfNeeds initiativeId={i.id} needs={i.needs} />
          ) : null}
          {me?.role === 'advisor' || me?.role === 'municipalityAdmin' ? (
            <ReviewForm initiative={i} onDone={initiative.reload} />
          ) : null}
        </>
      )}
    </ResourceView>
  );
}
