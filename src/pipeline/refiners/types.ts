/** Refiners: named passes over the candidate obligations of one plan, after the parsers. */
import type { Deadline, TaskUnit } from '../../types.js';

export interface Candidate {
  /** The action text as written (cut from the normalized text). */
  text: string;
  key: string;
  pos: number;
  /** Folded-text offsets of the action text and of the span with its attribution. */
  start: number;
  end: number;
  spanEnd: number;
  /** Index of the block (heading section) the candidate stands in. */
  block: number;
  section: string[];
  sectionTitles: string[];
  units: TaskUnit[];
  /** The unit(s) opening its text as subject (unit/subject): its units if the refiners leave it none. */
  subjectUnits?: TaskUnit[];
  /** An item of an enumeration whose units are the subject opening it (一是X…；二是Y…), not an attribution. */
  ownItem?: boolean;
  inherited: boolean;
  deadlines: Deadline[];
  rule: string;
  refinedBy: string[];
}

export interface RefineContext {
  /** The folded text the offsets point into. */
  text: string;
  warnings: string[];
}

export interface CandidateRefiner {
  name: string;
  refine(cands: Candidate[], ctx: RefineContext): Candidate[];
}
