import type { components } from './schema';

/** The API's schemas by name, generated from its OpenAPI document (`npm run web:client`). */
export type Schemas = components['schemas'];

export type User = Schemas['UserResponse'];
export type Role = User['role'];
export type Session = Schemas['SessionResponse'];
export type Visit = Schemas['VisitResponse'];
export type RecordedVisit = Schemas['RecordedVisitResponse'];
export type RecordVisitBody = Schemas['RecordVisitDto'];
export type VisitKind = RecordVisitBody['kind'];
export type DiagnoseBody = Schemas['DiagnoseCaseDto'];
export type Purpose = DiagnoseBody['purpose'];
export type Term = DiagnoseBody['term'];
export type Bottleneck = DiagnoseBody['bottlenecks'][number];
export type Case = Schemas['CaseResponse'];
export type CaseDetail = Schemas['CaseDetailResponse'];
export type CaseStatus = Case['status'];
export type Enterprise = Schemas['EnterpriseResponse'];
export type Campaign = Schemas['CampaignResponse'];
export type Organization = Schemas['OrganizationResponse'];
export type Region = Schemas['RegionResponse'];
export type Chain = Schemas['IndustrialChainResponse'];
export type SlaPolicy = Schemas['SlaPolicyResponse'];
export type Calendar = Schemas['CalendarResponse'];
export type Notification = Schemas['NotificationResponse'];
export type Escalation = Schemas['EscalationResponse'];
export type EscalationStatus = Escalation['status'];
export type Obligation = Escalation['obligation'];

/**
 * Every list answers `{items, nextCursor}` and takes `limit` (at most 200) and `cursor`. The document cannot
 * describe the generic `Page<T>`, so the item type is named here, from the generated schemas.
 */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  /** How many items the whole list holds, with the first page of a list that counts (the admin's lists). */
  total?: number;
}
