import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { api } from '../../api.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { endpoints } from '../../lib/endpoints.ts';
import type { ContractListItem, List, SupplierDetail } from '../../lib/model.ts';
import { useResource } from '../../lib/useResource.ts';
import { Button, Link } from '../../ui/Button.tsx';
import { Fieldset, TextField } from '../../ui/fields.tsx';
import { Notice, PageTitle, ResourceView } from '../../ui/states.tsx';
import { Table } from '../../ui/Table.tsx';
import { DataList, Heading, Paragraph } from '../../ui/text.tsx';
import { FormErrors, useForm } from '../advisor/form.tsx';
import { ProgressStatusBadge } from '../contracts/shared.tsx';
import { StrengthsSummary } from '../marketplace/Matching.tsx';
import { useSession } from '../session/session.tsx';

/** One supplier: its details, contacts (the advisor edits them) and its contracts with their progress. */
export default function SupplierPage() {
  const { id = '' } = useParams();
  const { t, money, date } = useI18n();
  const { me } = useSession();
  const supplier = useResource<SupplierDetail>(endpoints.supplier(id));
  const contracts = useResource<List<ContractListItem>>(endpoints.contracts({ supplierId: id }));
  return (
    <ResourceView resource={supplier} page>
      {(s) => (
        <>
          <PageTitle title={s.name}>{s.name}</PageTitle>
          <Paragraph>
            <Link to="/suppliers">{t('suppliers.back')}</Link>
          </Paragraph>
          <DataList
            items={[
              { key: t('advisor.kvkNumber'), value: s.kvkNumber },
              { key: t('suppliers.createdAt'), value: date(s.createdAt.slice(0, 10)) },
            ]}
          />
          <section aria-labelledby="supplier-contracts">
            <Heading level={2} id="supplier-contracts">
              {t('suppliers.contracts')}
            </Heading>
            <ResourceView resource={contracts}>
              {({ items }) => (
                <Table
                  caption={t('suppliers.contracts')}
                  captionHidden
                  rows={items}
                  rowKey={(c) => c.id}
                  empty={t('contracts.none')}
                  columns={[
                    {
                      key: 'ref',
                      header: t('contracts.contract'),
                      rowHeader: true,
                      cell: (c) => <Link to={`/contracts/${c.id}`}>{`${c.reference} · ${c.title}`}</Link>,
                    },
                    {
                      key: 'ob',
                      header: t('progress.obligation'),
                      numeric: true,
                      cell: (c) => money(c.progress.obligationCents),
                    },
                    {
                      key: 'ver',
                      header: t('progress.verified'),
                      numeric: true,
                      cell: (c) => money(c.progress.verifiedCents),
                    },
                    {
                      key: 'st',
                      header: t('progress.status'),
                      cell: (c) => <ProgressStatusBadge status={c.progress.status} />,
                    },
                  ]}
                />
              )}
            </ResourceView>
          </section>
          <ContactsSection supplier={s} editable={me?.role === 'advisor'} onSaved={supplier.reload} />
          {me?.role === 'advisor' || me?.role === 'municipalityAdmin' ? (
            <StrengthsSummary supplierId={s.id} />
          ) : null}
        </>
      )}
    </ResourceView>
  );
}

type ContactValues = { name: string; email: string; phone: string };

function ContactsSection({
  supplier,
  editable,
  onSaved,
}: {
  supplier: SupplierDetail;
  editable: boolean;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const initial = () => {
    const values: Record<string, string> = {};
    supplier.contacts.forEach((c, i) => {
      values[`name${i}`] = c.name;
      values[`email${i}`] = c.email;
      values[`phone${i}`] = c.phone ?? '';
    });
    return values;
  };
  const [rows, setRows] = useState(Math.max(1, supplier.contacts.length));
  const { values, form, bind } = useForm<Record<string, string>>(initial, 'contacts');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const contactsOf = (): ContactValues[] =>
    Array.from({ length: rows }, (_, i) => ({
      name: (values[`name${i}`] ?? '').trim(),
      email: (values[`email${i}`] ?? '').trim(),
      phone: (values[`phone${i}`] ?? '').trim(),
    })).filter((c) => c.name || c.email || c.phone);

  async function save(e: FormEvent) {
    e.preventDefault();
    form.clear();
    setSaved(null);
    setBusy(true);
    try {
      await api.patch(endpoints.supplier(supplier.id), {
        contacts: contactsOf().map((c) => ({
          name: c.name,
          email: c.email,
          ...(c.phone ? { phone: c.phone } : {}),
        })),
      });
      setSaved(t('suppliers.contactsSaved'));
      onSaved();
    } catch (error) {
      const map: Record<string, string> = {};
      for (let i = 0; i < rows; i++) {
        map[`contacts.${i}.name`] = `name${i}`;
        map[`contacts.${i}.email`] = `email${i}`;
        map[`contacts.${i}.phone`] = `phone${i}`;
      }
      form.fromApi(error, map);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="supplier-contacts" className="retour-card">
      <Heading level={2} id="supplier-contacts">
        {t('suppliers.contacts')}
      </Heading>
      <Paragraph>{t('suppliers.contactsLead')}</Paragraph>
      {!editable ? (
        <Table
          caption={t('suppliers.contacts')}
          captionHidden
          rows={supplier.contacts}
          rowKey={(c) => c.email}
          empty={t('suppliers.noContacts')}
          columns={[
            { key: 'n', header: t('advisor.contactName'), rowHeader: true, cell: (c) => c.name },
            { key: 'e', header: t('advisor.contactEmail'), cell: (c) => c.email },
            { key: 'p', header: t('advisor.contactPhone'), cell: (c) => c.phone ?? '' },
          ]}
        />
      ) : (
        <>
          {saved ? <Notice message={saved} /> : null}
          <FormErrors form={form} prefix="contacts" />
          <form className="retour-form" onSubmit={(e) => void save(e)} noValidate>
            {Array.from({ length: rows }, (_, i) => (
              <Fieldset key={i} legend={t('suppliers.contactN', { n: i + 1 })}>
                <TextField
                  {...bind(`name${i}`)}
                  value={values[`name${i}`] ?? ''}
                  label={t('advisor.contactName')}
                  autoComplete="off"
                />
                <TextField
                  {...bind(`email${i}`)}
                  value={values[`email${i}`] ?? ''}
                  type="email"
                  label={t('advisor.contactEmail')}
                  autoComplete="off"
                />
                <TextField
                  {...bind(`phone${i}`)}
                  value={values[`phone${i}`] ?? ''}
                  type="tel"
                  label={t('advisor.contactPhone')}
                  autoComplete="off"
                />
              </Fieldset>
            ))}
            <Button onClick={() => setRows((n) => Math.min(20, n + 1))}>{t('suppliers.addContact')}</Button>
            <Button type="submit" variant="primary" busy={busy} disabled={busy}>
              {t('suppliers.saveContacts')}
            </Button>
          </form>
        </>
      )}
    </section>
  );
}
