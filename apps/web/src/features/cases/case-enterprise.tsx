import type { ReactNode } from 'react';
import type { CaseDetail } from '../../api/types';
import { Link } from '../../app/router';
import { useUser } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';

/**
 * The enterprise behind the case and how the need was found: its profile (USCC, district, size, chain and
 * its place in it, tags, contact person and phone), the visit (when, what kind, its summary, who made it) and the diagnosis note.
 */
export function CaseEnterprise({ detail: c }: { detail: CaseDetail }): ReactNode {
  const { t, day } = useI18n();
  const user = useUser();
  const e = c.enterprise;
  const v = c.visit;
  return (
    <section className="panel" aria-labelledby="case-enterprise">
      <h2 id="case-enterprise">{t('case.profile')}</h2>
      <dl className="facts" data-testid="case-profile">
        <dt>{t('case.uscc')}</dt>
        <dd>{e.uscc}</dd>
        <dt>{t('case.district')}</dt>
        <dd>{e.regionName}</dd>
        <dt>{t('case.size')}</dt>
        <dd>{t(`admin.size.${e.size}`)}</dd>
        <dt>{t('case.chain')}</dt>
        <dd>
          {e.chainName && e.chainRole
            ? t('case.chainValue', { chain: e.chainName, role: t(`admin.chainRole.${e.chainRole}`) })
            : t('case.noChain')}
        </dd>
        <dt>{t('case.tags')}</dt>
        <dd>{e.tags.length > 0 ? e.tags.map((tag) => t(`tag.${tag}`)).join('、') : t('case.none')}</dd>
        <dt>{t('case.contact')}</dt>
        <dd>{e.contactName ?? t('case.none')}</dd>
        <dt>{t('case.contactPhone')}</dt>
        <dd>{e.contactPhone ? <a href={`tel:${e.contactPhone}`}>{e.contactPhone}</a> : t('case.none')}</dd>
      </dl>
      {user.role !== 'bank_manager' && (
        <p>
          <Link to={`/enterprises/${c.enterpriseId}/link`}>{t('link.open')}</Link>
        </p>
      )}
      <h3>{t('case.visit')}</h3>
      <dl className="facts" data-testid="case-visit">
        {v && (
          <>
            <dt>{t('case.diagnosedBy')}</dt>
            <dd>
              {v.visitorOrganizationName
                ? t('person.withOrg', { name: v.visitorName, org: v.visitorOrganizationName })
                : v.visitorName}
            </dd>
            <dt>{t('case.visitedOn')}</dt>
            <dd>{day(v.visitedOn)}</dd>
            <dt>{t('case.visitKind')}</dt>
            <dd>{t(`kind.${v.kind}`)}</dd>
            <dt>{t('case.visitSummary')}</dt>
            <dd>{v.summary || t('case.none')}</dd>
          </>
        )}
        <dt>{t('case.diagnosisNote')}</dt>
        <dd>{c.diagnosisNote ?? t('case.none')}</dd>
      </dl>
    </section>
  );
}
