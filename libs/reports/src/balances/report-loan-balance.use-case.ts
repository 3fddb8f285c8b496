import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { BALANCE_ENTERPRISES, UPSERT_LOAN_BALANCES, inTransaction } from '@unblock/database';
import {
  Clock,
  DomainError,
  WEEKENDS_ONLY,
  balanceReportProblem,
  localDate,
  monthDay,
  normalizeMoney,
  type Actor,
} from '@unblock/domain';
import { DataSource } from 'typeorm';
import { LoanBalanceQueries } from './loan-balance.queries';
import type { LoanBalanceResponse } from './loan-balance.response';

export interface ReportLoanBalanceCommand {
  readonly actor: Actor;
  /** An admin names the bank; a bank manager reports for their own (naming another is refused). */
  readonly bankId?: string | undefined;
  /** The enterprise by id, or by its unified social credit code. */
  readonly enterpriseId?: string | undefined;
  readonly uscc?: string | undefined;
  readonly month: string;
  readonly balance: string;
  readonly mediumLongBalance: string;
  readonly note?: string | undefined;
}

export interface ReportLoanBalanceResult {
  /** True for the month's first report, false for a correction. */
  readonly created: boolean;
  readonly balance: LoanBalanceResponse;
}

/** A bank reports its loan balance to one enterprise at a month's end; a second report of the month corrects it. */
@Injectable()
export class ReportLoanBalanceUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly queries: LoanBalanceQueries,
  ) {}

  async execute(command: ReportLoanBalanceCommand): Promise<ReportLoanBalanceResult> {
    const bankId = await this.bankOf(command);
    const now = this.clock.now();
    const problem = balanceReportProblem(
      command.month,
      command.balance,
      command.mediumLongBalance,
      localDate(now, WEEKENDS_ONLY),
    );
    if (problem !== null) throw DomainError.invalid(problem.field, problem.message);
    const enterpriseId = await this.enterpriseOf(command);
    const written = await inTransaction(this.dataSource, async (manager) => {
      const [row] = await manager.query<{ id: string; created: boolean }[]>(UPSERT_LOAN_BALANCES, [
        [bankId],
        [enterpriseId],
        [monthDay(command.month)],
        [normalizeMoney(command.balance)],
        [normalizeMoney(command.mediumLongBalance)],
        [command.note ?? null],
        command.actor.userId,
        now,
        null,
      ]);
      if (row === undefined) throw new Error('the balance report wrote no row');
      return row;
    });
    return { created: written.created, balance: await this.queries.get(command.actor, written.id) };
  }

  private async bankOf(command: ReportLoanBalanceCommand): Promise<string> {
    const { actor } = command;
    if (actor.role === 'bank_manager') {
      if (command.bankId !== undefined && command.bankId !== actor.organizationId) {
        throw new DomainError('forbidden', 'a bank manager reports the balances of their own bank only');
      }
      if (actor.organizationId === null) throw new DomainError('forbidden', 'you belong to no bank');
      return actor.organizationId;
    }
    if (actor.role !== 'admin') throw new DomainError('forbidden', 'banks report their loan balances');
    if (command.bankId === undefined) throw DomainError.invalid('bankId', 'is required: name the reporting bank');
    const [bank] = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM organizations WHERE id = $1 AND kind = 'bank'`,
      [command.bankId],
    );
    if (!bank) throw DomainError.invalid('bankId', 'is not a bank');
    return bank.id;
  }

  private async enterpriseOf(command: ReportLoanBalanceCommand): Promise<string> {
    if ((command.enterpriseId === undefined) === (command.uscc === undefined)) {
      throw DomainError.invalid('enterpriseId', 'give the enterprise by enterpriseId or by uscc (one of them)');
    }
    const field = command.enterpriseId !== undefined ? 'enterpriseId' : 'uscc';
    const [found] = await this.dataSource.query<{ id: string }[]>(BALANCE_ENTERPRISES, [
      command.enterpriseId === undefined ? [] : [command.enterpriseId],
      command.uscc === undefined ? [] : [command.uscc],
    ]);
    if (!found) throw DomainError.invalid(field, 'no enterprise has this ' + (field === 'uscc' ? 'code' : 'id'));
    return found.id;
  }
}
