/**
 * The extractor as a configuration (chrono-node style): which deadline parsers and refiners, which
 * unit-attribution parsers, which candidate refiners, and which tables. `extractPlan(file, bytes,
 * config)` takes it; DEFAULT_CONFIG is generic official-document (公文) rules, the guarantees every plan has, and
 * the e-government topic table of the bundled plans. To teach the extractor a new form, add a parser file and list it here.
 */
import { DEFAULT_DEADLINE_RULES, type DeadlineRules } from './deadlines/index.js';
import { dedupeRepeats } from './refiners/dedupe.js';
import { inheritUnits } from './refiners/inherit-units.js';
import { yearlyContext } from './refiners/yearly-context.js';
import type { CandidateRefiner } from './refiners/types.js';
import { E_GOVERNMENT, type ThemeRule, type TopicTable } from './tables/topics/e-government.js';
import { GUARANTEES } from './tables/topics/guarantees.js';
import { GENERIC_UNIT_TABLES, type UnitTables } from './tables/units.js';
import { UNIT_PARSERS, type UnitParser } from './units/index.js';

export interface ExtractorConfig {
  deadlines: DeadlineRules;
  units: UnitParser[];
  refiners: CandidateRefiner[];
  tables: {
    units: UnitTables;
    /** Topic tables: themes and topic offices (kinds checked before the generic ones). */
    topics: TopicTable[];
  };
}

export function configWith(topics: TopicTable[]): ExtractorConfig {
  return {
    deadlines: DEFAULT_DEADLINE_RULES,
    units: UNIT_PARSERS,
    refiners: [inheritUnits, yearlyContext, dedupeRepeats],
    tables: { units: GENERIC_UNIT_TABLES, topics },
  };
}

export const DEFAULT_CONFIG: ExtractorConfig = configWith([E_GOVERNMENT, GUARANTEES]);

/** Unit tables with the topics' kinds first. */
export function unitTablesOf(config: ExtractorConfig): UnitTables {
  const extra = config.tables.topics.flatMap((t) => t.unitKinds);
  return extra.length ? { rewrites: config.tables.units.rewrites, kinds: [...extra, ...config.tables.units.kinds] } : config.tables.units;
}

/** The theme rules of the configuration's topics — for a plan, only of the topics its `head` (title, else the
 * start of its text) signals. */
export function themeRulesOf(config: ExtractorConfig, head?: string): ThemeRule[] {
  return config.tables.topics.filter((t) => head === undefined || !t.signal || t.signal.test(head)).flatMap((t) => t.themes);
}

