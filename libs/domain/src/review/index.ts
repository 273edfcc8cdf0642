// Review rules of target sheets (目标审核助手, DESIGN §5).
export { reviewSheet, reviewSpendingPlan } from './review-sheet';
export {
  REVIEW_CODES,
  REVIEW_CODE_SEVERITY,
  REVIEW_CODE_TITLES,
} from './review.types';
export type {
  ReviewCode,
  ReviewFinding,
  ReviewIndicatorInput,
  ReviewOptions,
  ReviewPlanCheckpoint,
  ReviewSeverity,
  ReviewSheetInput,
} from './review.types';
export {
  checkAcknowledgements,
  findingLabel,
  findingsToAcknowledge,
  isAcknowledgementReason,
  MAX_ACKNOWLEDGEMENT_LENGTH,
  MIN_ACKNOWLEDGEMENT_LENGTH,
} from './acknowledgements';
export type {
  AcknowledgedFinding,
  AcknowledgementCheck,
  AcknowledgementRefusal,
  FindingAcknowledgementInput,
  FindingToAcknowledge,
} from './acknowledgements';
