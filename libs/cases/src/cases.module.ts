import { Module } from '@nestjs/common';
import { AddNoteUseCase } from './cases/add-note.use-case';
import { ApproveCaseUseCase } from './cases/approve-case.use-case';
import { CaseTransitions } from './cases/case-transitions';
import { CaseQueries } from './cases/case.queries';
import { ClaimCaseUseCase } from './cases/claim-case.use-case';
import { CloseCaseUseCase } from './cases/close-case.use-case';
import { DeclineCaseUseCase } from './cases/decline-case.use-case';
import { DiagnoseCaseUseCase } from './cases/diagnose-case.use-case';
import { ExtendDeadlineUseCase } from './cases/extend-deadline.use-case';
import { PauseCaseUseCase, ResumeCaseUseCase } from './cases/pause-case.use-case';
import { ReassignCaseUseCase } from './cases/reassign-case.use-case';
import { RecordMilestoneUseCase } from './cases/record-milestone.use-case';
import { ReleaseCaseUseCase } from './cases/release-case.use-case';
import { RouteCaseUseCase } from './cases/route-case.use-case';
import { SignLoansUseCase } from './cases/sign-loans.use-case';
import { CaseRouter } from './routing/case-router';
import { SlaPlanner } from './sla/sla-planner';
import { RecordVisitUseCase } from './visits/record-visit.use-case';
import { VisitQueries } from './visits/visit.queries';

const USE_CASES = [
  AddNoteUseCase,
  ApproveCaseUseCase,
  CaseQueries,
  ClaimCaseUseCase,
  CloseCaseUseCase,
  DeclineCaseUseCase,
  DiagnoseCaseUseCase,
  ExtendDeadlineUseCase,
  PauseCaseUseCase,
  ReassignCaseUseCase,
  RecordMilestoneUseCase,
  RecordVisitUseCase,
  ReleaseCaseUseCase,
  ResumeCaseUseCase,
  RouteCaseUseCase,
  SignLoansUseCase,
  VisitQueries,
];

/** Visits, cases, their lifecycle and "1+2+N" routing. */
@Module({
  providers: [...USE_CASES, CaseRouter, CaseTransitions, SlaPlanner],
  exports: [...USE_CASES, CaseRouter, CaseTransitions, SlaPlanner],
})
export class CasesModule {}
