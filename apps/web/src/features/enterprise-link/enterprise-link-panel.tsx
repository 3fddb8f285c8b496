import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { unwrap } from '../../api/client';
import type { Schemas } from '../../api/types';
import { useApiMutation } from '../../api/use-api-mutation';
import { useAuth } from '../../auth/auth';
import { Notice, ProblemBanner } from '../../components/problem-banner';
import { useI18n } from '../../i18n/i18n';

type LinkCreated = Schemas['EnterpriseLinkCreatedResponse'];
type EnterpriseLink = Schemas['EnterpriseLinkResponse'];

/** The key of an enterprise's links; a new link or a revocation reads them again. */
const linksKey = (enterpriseId: string): readonly unknown[] => ['enterprise-links', enterpriseId];

/**
 * 企业专属链接: the link to the enterprise's own page, as a QR code to show or print and an address to copy;
 * a new link (the live one stops), a revocation, and when each link ends. The address is shown only when a
 * link is made (only its hash is kept).
 */
export function EnterpriseLinkPanel({ enterpriseId }: { enterpriseId: string }): ReactNode {
  const { t, dateTime } = useI18n();
  const { api } = useAuth();
  const [created, setCreated] = useState<LinkCreated | undefined>();
  const [copied, setCopied] = useState(false);
  const path = { params: { path: { id: enterpriseId } } };
  const links = useQuery({
    queryKey: linksKey(enterpriseId),
    queryFn: () => unwrap<EnterpriseLink[]>(api.GET('/api/v1/enterprises/{id}/links', path)),
  });
  const create = useApiMutation(
    () => unwrap<LinkCreated>(api.POST('/api/v1/enterprises/{id}/links', { ...path, body: {} })),
    [linksKey(enterpriseId)],
  );
  const revoke = useApiMutation(
    (linkId: string) =>
      unwrap<EnterpriseLink>(
        api.DELETE('/api/v1/enterprises/{id}/links/{linkId}', { params: { path: { id: enterpriseId, linkId } } }),
      ),
    [linksKey(enterpriseId)],
  );
  const now = Date.now();
  const live = links.data?.find((l) => l.revokedAt === null && Date.parse(l.expiresAt) > now);
  const shown = created && live?.id === created.id ? created : undefined;
  const copy = async (url: string): Promise<void> => {
    await navigator.clipboard.writeText(url);
    setCopied(true);
  };
  const ended = (l: EnterpriseLink): string =>
    l.revokedAt !== null
      ? t('link.revokedOn', { at: dateTime(l.revokedAt) })
      : Date.parse(l.expiresAt) <= now
        ? t('link.expiredOn', { at: dateTime(l.expiresAt) })
        : t('link.worksUntil', { at: dateTime(l.expiresAt) });
  return (
    <section className="panel" aria-labelledby="enterprise-link" data-testid="enterprise-link">
      <h2 id="enterprise-link">{t('link.title')}</h2>
      <p>{t('link.intro')}</p>
      <ProblemBanner error={links.error ?? create.error ?? revoke.error} />
      {revoke.isSuccess && !live && <Notice kind="success">{t('link.revoked')}</Notice>}
      {shown ? (
        <>
          <Notice kind="success">{t('link.created', { at: dateTime(shown.expiresAt) })}</Notice>
          <img
            className="qr-code"
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(shown.qrSvg)}`}
            alt={t('link.qr')}
            width={220}
            height={220}
          />
          <p>
            {t('link.url')}：<a href={shown.url}>{shown.url}</a>
          </p>
        </>
      ) : (
        <p>{live ? t('link.active', { at: dateTime(live.expiresAt) }) : t('link.none')}</p>
      )}
      {copied && <p role="status">{t('link.copied')}</p>}
      <div className="button-row">
        {shown && (
          <button type="button" className="secondary" onClick={() => void copy(shown.url)}>
            {t('link.copy')}
          </button>
        )}
        <button
          type="button"
          disabled={create.isPending}
          onClick={() => create.mutate(undefined, { onSuccess: (link) => (setCreated(link), setCopied(false)) })}
        >
          {live ? t('link.rotate') : t('link.create')}
        </button>
        {live && (
          <button type="button" className="danger" disabled={revoke.isPending} onClick={() => revoke.mutate(live.id)}>
            {t('link.revoke')}
          </button>
        )}
      </div>
      {links.data && links.data.length > 0 && (
        <>
          <h3>{t('link.history')}</h3>
          <ul>
            {links.data.map((l) => (
              <li key={l.id}>
                {t('link.madeOn', { at: dateTime(l.createdAt) })}，{ended(l)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
