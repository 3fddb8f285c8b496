import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DeclineReasonEntity, paginate, type Page, type PageRequest } from '@unblock/database';
import { DataSource } from 'typeorm';
import { DeclineReasonResponse, toDeclineReasonResponse } from './decline-reason.response';

/** The decline-reason catalogue, as every role reads it. */
@Injectable()
export class DeclineReasonQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(page: PageRequest): Promise<Page<DeclineReasonResponse>> {
    const qb = this.dataSource.getRepository(DeclineReasonEntity).createQueryBuilder('r');
    const result = await paginate(qb, 'r', page);
    return { items: result.items.map(toDeclineReasonResponse), nextCursor: result.nextCursor };
  }
}
