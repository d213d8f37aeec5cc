// The stable codes of `idlib-sim check` (and of the loader's errors). docs/error-codes.md explains
// each one with its fix; a test keeps the two lists the same. Codes never change meaning: add new
// ones rather than reuse old ones.

export type Severity = 'error' | 'warning';

export const CODES = {
  // -- reading the file (hostile files are refused before they are parsed)
  CANNOT_READ: { severity: 'error', layer: 'file', summary: 'the file cannot be read' },
  FILE_TOO_BIG: { severity: 'error', layer: 'file', summary: 'the file is over 2 MB' },
  BINARY: { severity: 'error', layer: 'file', summary: 'the file holds a NUL byte: it is binary' },
  NOT_UTF8: { severity: 'error', layer: 'file', summary: 'the file is not UTF-8 text' },
  TOO_DEEP: { severity: 'error', layer: 'file', summary: 'nesting deeper than 64 levels' },
  TOO_MANY_ITEMS: {
    severity: 'error',
    layer: 'file',
    summary: 'a list or mapping over 10,000 entries, or a file over 25,000',
  },
  ALIAS_BOMB: { severity: 'error', layer: 'file', summary: 'YAML aliases that expand to too much data' },
  // -- parse
  YAML_SYNTAX: { severity: 'error', layer: 'parse', summary: 'the text is not valid YAML (or JSON)' },
  DUPLICATE_KEY: { severity: 'error', layer: 'parse', summary: 'a key appears twice in one mapping' },
  // -- schema
  UNSUPPORTED_VERSION: {
    severity: 'error',
    layer: 'schema',
    summary: 'schemaVersion is newer than this build supports',
  },
  OLD_VERSION: {
    severity: 'warning',
    layer: 'schema',
    summary: 'an older schemaVersion, upgraded as the file loads',
  },
  EXTENDS_CYCLE: {
    severity: 'error',
    layer: 'schema',
    summary: 'a file that extends itself, directly or through its parents',
  },
  EXTENDS_TOO_DEEP: { severity: 'error', layer: 'schema', summary: 'more than 4 parents above a file' },
  NOT_A_SCENARIO: {
    severity: 'error',
    layer: 'schema',
    summary: '`extends` names a file that is not a scenario',
  },
  PARENT_INVALID: {
    severity: 'error',
    layer: 'schema',
    summary: 'the file `extends` names has errors of its own',
  },
  REQUIRED: { severity: 'error', layer: 'schema', summary: 'a required key is missing' },
  UNKNOWN_KEY: { severity: 'error', layer: 'schema', summary: 'a key the format does not have' },
  TYPE: { severity: 'error', layer: 'schema', summary: 'a value of the wrong type' },
  ENUM: { severity: 'error', layer: 'schema', summary: 'a value that is not one of the allowed words' },
  FORMAT: { severity: 'error', layer: 'schema', summary: 'text in the wrong form (id, date, colour, URL)' },
  TOO_SMALL: { severity: 'error', layer: 'schema', summary: 'a number, text or list below its minimum' },
  TOO_BIG: { severity: 'error', layer: 'schema', summary: 'a number, text or list above its maximum' },
  INVALID: { severity: 'error', layer: 'schema', summary: 'a value breaks a rule of the format' },
  // -- references
  UNKNOWN_REF: { severity: 'error', layer: 'references', summary: 'an id that names nothing' },
  DUPLICATE_ID: { severity: 'error', layer: 'references', summary: 'two entries share one id' },
  BAD_DATE: { severity: 'error', layer: 'references', summary: 'a date that does not exist' },
  OUTSIDE_CALENDAR: {
    severity: 'error',
    layer: 'references',
    summary: "a script date or turn outside the scenario's turns",
  },
  SELF_REFERENCE: {
    severity: 'error',
    layer: 'references',
    summary: 'a road or relation that joins something to itself',
  },
  WRONG_KIND: { severity: 'error', layer: 'references', summary: 'an id of the wrong kind of thing' },
  HIGHWAY_GAP: {
    severity: 'error',
    layer: 'references',
    summary: "consecutive highway waypoints not joined by a road of the highway's class",
  },
  ROUTE_GAP: {
    severity: 'error',
    layer: 'references',
    summary: 'consecutive places of a patrol route not joined by a road',
  },
  HELD_TWICE: { severity: 'error', layer: 'references', summary: 'a place held by two actors at the start' },
  NOT_IN_PLAY: {
    severity: 'error',
    layer: 'references',
    summary: 'a condition names a map post the scenario does not put in play',
  },
  NOT_YOUR_UNIT: {
    severity: 'error',
    layer: 'references',
    summary: 'a script order for a unit of another actor',
  },
  OVER_MAX: { severity: 'error', layer: 'references', summary: "a post's supply days over its maximum" },
  REMOVE_UNKNOWN: {
    severity: 'error',
    layer: 'references',
    summary: '`remove` names an id that nothing inherited has',
  },
  REMOVE_WITHOUT_EXTENDS: {
    severity: 'error',
    layer: 'references',
    summary: '`remove` in a file that extends nothing',
  },
  SPAWN_NOT_ONCE: {
    severity: 'error',
    layer: 'references',
    summary: 'a trigger that can fire again spawns units with fixed ids',
  },
  HISTORY_UNTESTED: {
    severity: 'error',
    layer: 'references',
    summary: 'a history entry with no game event or condition that stands for it',
  },
  CHANCE_OUTSIDE_TRIGGER: {
    severity: 'error',
    layer: 'references',
    summary: "a seeded chance outside a trigger's `if`",
  },
  UNKNOWN_PLACEHOLDER: {
    severity: 'error',
    layer: 'references',
    summary: 'a {placeholder} in a text that names nothing',
  },
  PLACEHOLDER_MISMATCH: {
    severity: 'error',
    layer: 'references',
    summary: 'the translations of a text use different placeholders',
  },
  UNKNOWN_LOCALE: {
    severity: 'error',
    layer: 'references',
    summary: 'a text in a language that meta.locales does not list',
  },
  MAP_INVALID: {
    severity: 'error',
    layer: 'references',
    summary: 'the map has errors, so the references to it were not checked',
  },
  DOCTRINE_INVALID: {
    severity: 'error',
    layer: 'references',
    summary: "an actor's doctrine file has errors",
  },
  DUPLICATE_PRIORITY: {
    severity: 'warning',
    layer: 'references',
    summary: 'a doctrine weighs the same factor twice',
  },
  // -- logic warnings
  NO_DOCTRINE: {
    severity: 'warning',
    layer: 'logic',
    summary: 'a computer actor without a doctrine plays the generic one',
  },
  NOT_SCRIPTED: {
    severity: 'warning',
    layer: 'logic',
    summary: 'a script entry for an actor whose controller is not scripted',
  },
  DUPLICATE_RELATION: { severity: 'warning', layer: 'logic', summary: 'a pair of actors related twice' },
  OBJECTIVE_NO_POINTS: { severity: 'warning', layer: 'logic', summary: 'an objective worth 0 points' },
  CANNOT_SCORE: {
    severity: 'warning',
    layer: 'logic',
    summary: 'an actor whose objectives cannot reach the draw band',
  },
  BAND_ORDER: {
    severity: 'warning',
    layer: 'logic',
    summary: 'victory bands out of order (decisive ≥ marginal ≥ draw)',
  },
  DEADLINE_BEFORE_START: {
    severity: 'warning',
    layer: 'logic',
    summary: 'an obligation due before its agreement starts',
  },
  NEVER_STARTS: {
    severity: 'warning',
    layer: 'logic',
    summary: 'an agreement that starts after the last turn',
  },
  NEVER_HOLDS: {
    severity: 'warning',
    layer: 'logic',
    summary: 'a turn_range condition no turn of the scenario meets',
  },
  UNUSED_SILENCE: { severity: 'warning', layer: 'logic', summary: 'a silence that silenced nothing' },
  MISSING_TRANSLATION: {
    severity: 'warning',
    layer: 'logic',
    summary: 'a text not given in every language of meta.locales',
  },
  TRIGGER_NEVER_FIRES: { severity: 'warning', layer: 'logic', summary: 'a trigger that can never fire' },
  TRIGGER_CYCLE: {
    severity: 'warning',
    layer: 'logic',
    summary: 'triggers that can set each other off in a loop',
  },
  VARIABLE_UNUSED: { severity: 'warning', layer: 'logic', summary: 'a variable nothing reads' },
  VARIABLE_NEVER_SET: { severity: 'warning', layer: 'logic', summary: 'a variable nothing changes' },
  OBJECTIVE_STATIC: {
    severity: 'warning',
    layer: 'logic',
    summary: 'an objective that nothing in the game can change',
  },
  // -- smoke run
  SMOKE_FAILED: {
    severity: 'error',
    layer: 'smoke',
    summary: 'the engine failed while playing the scenario',
  },
  SCRIPT_ORDER_REJECTED: {
    severity: 'warning',
    layer: 'smoke',
    summary: 'the engine refused a script order in the smoke run',
  },
  TRIGGER_CAP: {
    severity: 'error',
    layer: 'smoke',
    summary: 'a trigger went past the cap on cascades or firings per turn',
  },
  TRIGGER_ACTION_FAILED: {
    severity: 'warning',
    layer: 'smoke',
    summary: 'an action of a trigger could not be carried out in the smoke run',
  },
  SMOKE_INCOMPLETE: {
    severity: 'warning',
    layer: 'smoke',
    summary: 'the smoke run stopped early to answer in time',
  },
} as const satisfies Record<string, { severity: Severity; layer: string; summary: string }>;

export type Code = keyof typeof CODES;

/**
 * The warnings a `silence:` entry (of a script entry or a trigger) may name: those that can arise
 * inside such an entry. Errors can never be silenced.
 */
export const SCRIPT_SILENCEABLE = [
  'SCRIPT_ORDER_REJECTED',
  'NOT_SCRIPTED',
  'NEVER_HOLDS',
  'TRIGGER_NEVER_FIRES',
  'TRIGGER_CYCLE',
  'TRIGGER_ACTION_FAILED',
  'MISSING_TRANSLATION',
] as const satisfies readonly Code[];
