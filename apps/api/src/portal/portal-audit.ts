import { Injectable } from '@nestjs/common';
import { AuditWriter } from '../audit/audit-writer';
import { WritePipeline } from '../common/write-pipeline.service';
import type { PortalRequest } from './portal-token.guard';

/**
 * Every action on an enterprise's page, read or write, leaves an audit record naming the link it came
 * through (no user acts there). A write's record is this one: the write pipeline writes no second.
 */
@Injectable()
export class PortalAudit {
  constructor(
    private readonly writer: AuditWriter,
    private readonly pipeline: WritePipeline,
  ) {}

  async record<T>(request: PortalRequest, status: number, answer: T, entityId?: string): Promise<T> {
    await this.writer.write({
      ...this.pipeline.stampOf(request),
      entityId: entityId ?? null,
      status,
      enterpriseLinkId: request.portal?.linkId ?? null,
    });
    if (request.method !== 'GET') this.pipeline.auditedWithWrite(request);
    return answer;
  }
}
