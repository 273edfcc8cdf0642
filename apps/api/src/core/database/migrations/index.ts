import { InitialSchema1763800000000 } from './1763800000000-InitialSchema';

/** Every migration, in order. Listed explicitly so the build needs no glob. */
export const MIGRATIONS = [InitialSchema1763800000000];
