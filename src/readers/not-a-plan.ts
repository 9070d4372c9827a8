/** Why a note or data file beside the plans is not read (its own module: the cached start reads it without the readers). */
export const NOT_A_PLAN_REASON = 'not a plan (a note or data file beside the plans); not indexed';

/** Is a skip's reason that the file is no plan (not that it could not be read)? */
export const isNotAPlan = (reason: string): boolean => reason === NOT_A_PLAN_REASON;
