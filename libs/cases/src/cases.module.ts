import { Module, type OnModuleInit } from '@nestjs/common';
import { assertValidLifecycle } from '@unblock/domain';
import { AddNoteUseCase } from './cases/add-note.use-case';
import { ApproveCaseUseCase } from './cases/approve-case.use-case';
import { CaseQueries } from './cases/case.queries';
import { ClaimCaseUseCase } from './cases/claim-case.use-case';
import { CloseCaseUseCase } from './cases/close-case.use-case';
import { DeclineCaseUseCase } from './cases/decline-case.use-case';
import { DiagnoseCaseUseCase } from './cases/diagnose-case.use-case';
import { ExtendDeadlineUseCase } from './cases/extend-deadline.use-case';
import { PauseCaseUseCase } from './cases/pause-case.use-case';
import { ReassignCaseUseCase } from './cases/reassign-case.use-case';
import { RecordMilestoneUseCase } from './cases/record-milestone.use-case';
import { ReleaseCaseUseCase } from './cases/release-case.use-case';
import { ResumeCaseUseCase } from './cases/resume-case.use-case';
import { RouteCaseUseCase } from './cases/route-case.use-case';
import { ScreenCaseUseCase } from './cases/screen-case.use-case';
import { SignLoansUseCase } from './cases/sign-loans.use-case';
import { TimeOutClaimsUseCase } from './cases/time-out-claims.use-case';
import { CaseRepository } from './lifecycle/case.repository';
import { CaseTransitions } from './lifecycle/case-transitions.service';
import { TransitionPlanner } from './lifecycle/transition-planner';
import { CaseRouter } from './routing/case-router';
import { DeadlineCalculator } from './sla-plans/deadline-calculator';
import { SlaPlans } from './sla-plans/sla-plans.service';
import { CompleteRepairUseCase, OpenRepairUseCase, RepairQueries } from './repairs';
import { MaturityCalendarQueries } from './renewals/maturity-calendar.queries';
import { RequestRenewalUseCase } from './renewals/request-renewal.use-case';
import { RecordVisitUseCase } from './visits/record-visit.use-case';
import { VisitQueries } from './visits/visit.queries';

const USE_CASES = [
  AddNoteUseCase,
  ApproveCaseUseCase,
  CaseQueries,
  ClaimCaseUseCase,
  CloseCaseUseCase,
  CompleteRepairUseCase,
  DeclineCaseUseCase,
  DiagnoseCaseUseCase,
  ExtendDeadlineUseCase,
  MaturityCalendarQueries,
  OpenRepairUseCase,
  PauseCaseUseCase,
  ReassignCaseUseCase,
  RecordMilestoneUseCase,
  RecordVisitUseCase,
  ReleaseCaseUseCase,
  RepairQueries,
  RequestRenewalUseCase,
  ResumeCaseUseCase,
  RouteCaseUseCase,
  ScreenCaseUseCase,
  SignLoansUseCase,
  TimeOutClaimsUseCase,
  VisitQueries,
];

const ENGINE = [CaseRepository, CaseRouter, CaseTransitions, DeadlineCalculator, SlaPlans, TransitionPlanner];

/** Visits, cases, their lifecycle and "1+2+N" routing. The transitions table is checked when the app boots. */
@Module({
  providers: [...USE_CASES, ...ENGINE],
  exports: [...USE_CASES, ...ENGINE],
})
export class CasesModule implements OnModuleInit {
  onModuleInit(): void {
    assertValidLifecycle();
  }
}
