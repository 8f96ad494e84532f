import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Link } from '../../ui/Button.tsx';
import { Paragraph } from '../../ui/text.tsx';
import { PageTitle } from '../../ui/states.tsx';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <>
      <PageTitle title={t('common.notFound')}>{t('common.notFound')}</PageTitle>
      <Paragraph>{t('common.notFoundText')}</Paragraph>
      <Paragraph>
        <Link to="/">{t('nav.home')}</Link>
      </Paragraph>
    </>
  );
}
