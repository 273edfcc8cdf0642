import { InitialSchema1763800000000 } from './1763800000000-InitialSchema';
import { FindingAcknowledgements1795954800000 } from './1795954800000-FindingAcknowledgements';
import { ExactRates1795960000000 } from './1795960000000-ExactRates';
import { AdminAccounts1796000000000 } from './1796000000000-AdminAccounts';
import { FiscalYearWindows1796100000000 } from './1796100000000-FiscalYearWindows';
import { ScoringSchemes1796200000000 } from './1796200000000-ScoringSchemes';
import { BasicExpenditures1796300000000 } from './1796300000000-BasicExpenditures';
import { LoginSessions1796400000000 } from './1796400000000-LoginSessions';
import { InlineEvaluationDetails1796450000000 } from './1796450000000-InlineEvaluationDetails';
import { ImportPreviews1796500000000 } from './1796500000000-ImportPreviews';
import { OverriddenScoresIndex1796550000000 } from './1796550000000-OverriddenScoresIndex';

/** Every migration, in order. Listed explicitly so the build needs no glob. */
export const MIGRATIONS = [InitialSchema1763800000000, FindingAcknowledgements1795954800000, ExactRates1795960000000, AdminAccounts1796000000000, FiscalYearWindows1796100000000, ScoringSchemes1796200000000, BasicExpenditures1796300000000, LoginSessions1796400000000, InlineEvaluationDetails1796450000000, ImportPreviews1796500000000, OverriddenScoresIndex1796550000000];
