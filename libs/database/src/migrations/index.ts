import type { MigrationInterface } from 'typeorm';
import { Initial1795308615682 } from './1795308615682-Initial';
import { CaseLifecycle1795310156611 } from './1795310156611-CaseLifecycle';
import { SlaAndNotifications1795310712103 } from './1795310712103-SlaAndNotifications';
import { IdempotencyKeys1795312023317 } from './1795312023317-IdempotencyKeys';
import { Imports1795315803135 } from './1795315803135-Imports';
import { ReportRollups1795317000000 } from './1795317000000-ReportRollups';
import { CaseQueueIndexes1795318000000 } from './1795318000000-CaseQueueIndexes';
import { ReportPresenceSets1795319500000 } from './1795319500000-ReportPresenceSets';
import { SlaHorizon1795321000000 } from './1795321000000-SlaHorizon';
import { EnterpriseContacts1795321004817 } from './1795321004817-EnterpriseContacts';
import { AccountSessions1795321400731 } from './1795321400731-AccountSessions';
import { CampaignTargets1795321618270 } from './1795321618270-CampaignTargets';
import { ChineseReferenceNames1795321618271 } from './1795321618271-ChineseReferenceNames';
import { NeedsFromEveryChannel1795321817017 } from './1795321817017-NeedsFromEveryChannel';
import { EnterprisePortal1796629227654 } from './1796629227654-EnterprisePortal';
import { ScreeningOfNeeds1796629333053 } from './1796629333053-ScreeningOfNeeds';
import { DeclineReasonCatalogue1796630439614 } from './1796630439614-DeclineReasonCatalogue';
import { ReportFunnel1796631500000 } from './1796631500000-ReportFunnel';
import { RepairableDeclines1796636861146 } from './1796636861146-RepairableDeclines';
import { LoanOutcomes1796636873305 } from './1796636873305-LoanOutcomes';
import { IdempotencyLease1796640000000 } from './1796640000000-IdempotencyLease';
import { LoanBalances1796648279681 } from './1796648279681-LoanBalances';
import { Renewals1796648353599 } from './1796648353599-Renewals';
import { Bulletins1796648394419 } from './1796648394419-Bulletins';
import { PartitionVisits1796650000000 } from './1796650000000-PartitionVisits';
import { BalanceRollupDepths1796661479543 } from './1796661479543-BalanceRollupDepths';
import { ClientRefBytewise1796670000000 } from './1796670000000-ClientRefBytewise';
import { CasesByOriginVisit1796680000000 } from './1796680000000-CasesByOriginVisit';

/** Every migration, in order. `npm run migration:generate` writes a file here; add its class below. */
export const MIGRATIONS: (new () => MigrationInterface)[] = [
  Initial1795308615682,
  CaseLifecycle1795310156611,
  SlaAndNotifications1795310712103,
  IdempotencyKeys1795312023317,
  Imports1795315803135,
  ReportRollups1795317000000,
  CaseQueueIndexes1795318000000,
  ReportPresenceSets1795319500000,
  SlaHorizon1795321000000,
  EnterpriseContacts1795321004817,
  AccountSessions1795321400731,
  CampaignTargets1795321618270,
  ChineseReferenceNames1795321618271,
  NeedsFromEveryChannel1795321817017,
  EnterprisePortal1796629227654,
  ScreeningOfNeeds1796629333053,
  DeclineReasonCatalogue1796630439614,
  ReportFunnel1796631500000,
  RepairableDeclines1796636861146,
  LoanOutcomes1796636873305,
  IdempotencyLease1796640000000,
  LoanBalances1796648279681,
  Renewals1796648353599,
  Bulletins1796648394419,
  PartitionVisits1796650000000,
  BalanceRollupDepths1796661479543,
  ClientRefBytewise1796670000000,
  CasesByOriginVisit1796680000000,
];
