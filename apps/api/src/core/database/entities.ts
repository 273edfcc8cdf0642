import { ImportPreviewEntity } from '../../imports/entities/import-preview.entity';
import { EvaluationEntity } from '../../evaluation/entities/evaluation.entity';
import { IndicatorScoreEntity } from '../../evaluation/entities/indicator-score.entity';
import { BasicExpenditureEntity } from '../../execution/entities/basic-expenditure.entity';
import { ExpenditureEntity } from '../../execution/entities/expenditure.entity';
import { IndicatorActualEntity } from '../../execution/entities/indicator-actual.entity';
import { AuditEventEntity } from '../../audit/entities/audit-event.entity';
import { DepartmentYearEntity } from '../../target-sheets/entities/department-year.entity';
import { FiscalYearEntity } from '../../fiscal-years/entities/fiscal-year.entity';
import { MonitoringPeriodEntity } from '../../fiscal-years/entities/monitoring-period.entity';
import { MonitoringReopeningEntity } from '../../fiscal-years/entities/monitoring-reopening.entity';
import { OrganizationEntity } from '../../organizations/entities/organization.entity';
import { UserEntity } from '../../organizations/entities/user.entity';
import { LoginThrottleEntity } from '../../organizations/entities/login-throttle.entity';
import { LoginSessionEntity } from '../../organizations/entities/login-session.entity';
import { RefreshTokenEntity } from '../../organizations/entities/refresh-token.entity';
import { ScoringSchemeEntity } from '../../scoring-schemes/entities/scoring-scheme.entity';
import { FindingAcknowledgementEntity } from '../../target-sheets/entities/finding-acknowledgement.entity';
import { IndicatorEntity } from '../../target-sheets/entities/indicator.entity';
import { ProjectEntity } from '../../target-sheets/entities/project.entity';
import { SheetTaskEntity } from '../../target-sheets/entities/sheet-task.entity';
import { SpendingPlanPointEntity } from '../../target-sheets/entities/spending-plan-point.entity';
import { TargetSheetEntity } from '../../target-sheets/entities/target-sheet.entity';

export const ENTITIES = [
  OrganizationEntity,
  UserEntity,
  LoginThrottleEntity,
  LoginSessionEntity,
  RefreshTokenEntity,
  FiscalYearEntity,
  MonitoringPeriodEntity,
  ScoringSchemeEntity,
  MonitoringReopeningEntity,
  DepartmentYearEntity,
  ProjectEntity,
  TargetSheetEntity,
  SheetTaskEntity,
  IndicatorEntity,
  SpendingPlanPointEntity,
  FindingAcknowledgementEntity,
  ExpenditureEntity,
  BasicExpenditureEntity,
  IndicatorActualEntity,
  EvaluationEntity,
  IndicatorScoreEntity,
  AuditEventEntity,
  ImportPreviewEntity,
];
