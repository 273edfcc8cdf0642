import { InitialSchema1763800000000 } from './1763800000000-InitialSchema';
import { ExactRates1764400000000 } from './1764400000000-ExactRates';

/** Every migration, in order. Listed explicitly so the build needs no glob. */
export const MIGRATIONS = [InitialSchema1763800000000, ExactRates1764400000000];
