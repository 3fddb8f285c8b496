import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { InjectDataSource } from '@nestjs/typeorm';
import { EnterpriseEntity } from '@unblock/database';
import { DomainError, type Bottleneck, type Purpose, type Term } from '@unblock/domain';
import { DataSource } from 'typeorm';
import { DiagnoseCaseUseCase } from '../cases/diagnose-case.use-case';
import { SYSTEM_ACTOR } from '../lifecycle/transition.types';
import type { PortalAccess } from './portal-access';
import { PortalQueries } from './portal.queries';
import type { PortalCaseResponse } from './portal.response';

export interface PublishNeedCommand {
  readonly access: PortalAccess;
  /** One of the campaigns the page offers; the default (the narrowest running one) when left out. */
  readonly campaignId?: string | undefined;
  readonly requestedAmount: string;
  readonly purpose: Purpose;
  readonly term: Term;
  readonly bottlenecks: readonly Bottleneck[];
  readonly note?: string | undefined;
  /** The page's `Idempotency-Key`: a retry with the same key answers the need it published, and writes nothing. */
  readonly retryKey?: string | undefined;
}

/** A published need, and whether it is new (false: a retry of the same key found it). */
export interface PublishedNeed {
  readonly need: PortalCaseResponse;
  readonly created: boolean;
}

/**
 * A need the enterprise publishes on its own page: a case of source `enterprise`, born on the one path every
 * need takes (`DiagnoseCaseUseCase`) and routed as its campaign says. No user acts: the timeline names the link.
 * A retry (a phone on a weak network) with the same `Idempotency-Key` finds the case by its intake key.
 */
@Injectable()
export class PublishNeedUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly diagnose: DiagnoseCaseUseCase,
    private readonly queries: PortalQueries,
  ) {}

  async execute(command: PublishNeedCommand): Promise<PublishedNeed> {
    const { access } = command;
    const enterprise = await this.dataSource.manager.findOneByOrFail(EnterpriseEntity, { id: access.enterpriseId });
    const offered = await this.queries.campaigns(this.dataSource.manager, enterprise.regionCode);
    const campaign = command.campaignId === undefined ? offered[0] : offered.find((c) => c.id === command.campaignId);
    if (campaign === undefined) {
      throw command.campaignId === undefined
        ? new DomainError('unprocessable', 'no campaign is running in the enterprise’s region now')
        : DomainError.invalid('campaignId', 'is not a campaign this page offers');
    }
    // A digest of the link and the key (an intake key is 64 characters at most, as an imported row's).
    const intakeKey =
      command.retryKey === undefined
        ? undefined
        : createHash('sha256').update(`portal:${access.linkId}:${command.retryKey}`).digest('hex');
    const created = await this.diagnose.createOnce({
      actor: SYSTEM_ACTOR,
      intakeKey,
      source: 'enterprise',
      portalLinkId: access.linkId,
      enterpriseId: enterprise.id,
      campaignId: campaign.id,
      requestedAmount: command.requestedAmount,
      purpose: command.purpose,
      term: command.term,
      bottlenecks: command.bottlenecks,
      note: command.note,
    });
    const shown = await this.queries.case(access, created.case.id);
    if (!shown) throw new Error('a published need is the enterprise’s own');
    return { need: shown, created: created.created };
  }
}
