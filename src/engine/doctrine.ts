// Doctrines: how a computer actor weighs its options, as data an instructor can read and edit
// (scenarios/doctrines/*.doctrine.yaml). A doctrine is a short list of priorities, each a named
// factor with a weight, and a few thresholds. The names are defined here so that the scenario
// checker (which validates doctrine files) and the computer actors (src/ai, which give each
// factor its meaning) agree on them; this file holds only names and numbers, no behaviour.

/** The factors a priority can name, each a plain-words judgement of a candidate order. */
export const FACTORS = [
  // -- any actor
  'favourable_odds',
  'take_valuable_places',
  'protect_own_forces',
  'pursue_objectives',
  'defend_held_places',
  'hold_rather_than_counter_attack',
  'keep_agreements',
  'make_peace_when_pressed',
  // -- Turkey
  'keep_posts_supplied',
  'notify_russia',
  'retaliate_for_losses',
  'avoid_clash_with_russia',
  'hold_the_refugee_line',
  'seek_us_backing',
  // -- the Syrian government
  'take_highway_towns',
  'encircle_posts_not_assault',
  'follow_russian_air',
  'consolidate_gains',
  // -- Russia
  'support_offensive_from_air',
  'keep_turkey_from_the_west',
  'ceasefire_when_tension_high',
  'run_joint_patrols',
  // -- HTS
  'hold_idlib',
  'attack_patrols_and_spoilers',
  // -- the opposition
  'retake_towns_with_turkish_fire',
  // -- the United States
  'issue_statements',
] as const;

export type Factor = (typeof FACTORS)[number];

/** What each factor favours, in the words the docs, the editor and the decision records use. */
export const FACTOR_MEANING: Record<Factor, string> = {
  favourable_odds:
    'assaults where own strength clearly outweighs the defence (by the estimate the actor has)',
  take_valuable_places: 'moves and assaults towards valuable places the actor does not hold',
  protect_own_forces:
    'keeping weak or cut-off units and posts out of harm: pulling back, evacuating a post that is lost anyway',
  pursue_objectives:
    "taking and holding the places the actor's own objectives name (a place to control, a place to keep from another actor, the towns of a highway to open), and silencing hostile guns in range of such a highway",
  defend_held_places:
    'keeping defenders in the valuable places the actor holds that enemies threaten, and reinforcing them (not with the defenders of another such place)',
  hold_rather_than_counter_attack:
    "no move or assault that takes the last defenders (or too many of them) out of a held town that an enemy next to it threatens, when the town is valuable or one of the actor's objectives (the units of an assault move on into the place they take)",
  keep_agreements:
    'no strikes or assaults that would break an agreement in force that binds the actor (a ceasefire, a no-strike obligation)',
  make_peace_when_pressed: 'accepting a ceasefire and calling leaders when losses and tension run high',
  keep_posts_supplied: 'convoys to own observation posts, the more the fewer supply days they have left',
  notify_russia:
    'notifying Russia of convoys while tension with Russia allows it (threshold notifyRussiaTensionBelow)',
  retaliate_for_losses:
    'strikes and assaults on whoever killed own soldiers, growing with the losses (threshold lossesPerRetaliation)',
  avoid_clash_with_russia:
    'staying clear of places where Russian forces stand, more so as tension with Russia rises (threshold avoidRussiaTensionAbove)',
  hold_the_refugee_line:
    'holding the towns between the front and the Turkish border, where the displaced gather',
  seek_us_backing: 'asking the United States for support when escalation and losses make the case',
  take_highway_towns: 'moves and assaults on the towns along the M4 and M5',
  encircle_posts_not_assault:
    'closing in around Turkish observation posts rather than assaulting them, until escalation reaches assaultPostsFromEscalation',
  follow_russian_air: 'attacking where Russian air power struck or can strike',
  consolidate_gains:
    'no assault that takes the defenders of a valuable place the actor holds on the front line on to the next place, leaving too few behind to hold it',
  support_offensive_from_air: 'air strikes on the places the government is attacking or about to attack',
  keep_turkey_from_the_west:
    'calls to Turkey and restraint towards Turkish forces when Turkey leans on the United States',
  ceasefire_when_tension_high: 'offering Turkey a ceasefire once tension passes ceasefireTensionAbove',
  run_joint_patrols: 'running the joint patrols an agreement provides for',
  hold_idlib:
    'keeping forces in and around Idlib city (the most valuable place the actor holds), and never its last defenders out of it',
  attack_patrols_and_spoilers:
    'moving onto the joint patrol routes (where patrols get attacked) and striking those who enforce agreements',
  retake_towns_with_turkish_fire: 'assaults on government-held towns that Turkish guns or drones can support',
  issue_statements: 'protests against the actor under the most international pressure',
};

/** The thresholds a doctrine can set, with the value used when it does not. */
export const THRESHOLD_DEFAULTS = {
  /** Escalation rung (0-5) from which the actor may assault an observation post. */
  assaultPostsFromEscalation: 4,
  /** Tension (0-100) with Turkey above which Russia offers a ceasefire. */
  ceasefireTensionAbove: 60,
  /** Tension (0-100) with Russia below which Turkey notifies Russia of its convoys. */
  notifyRussiaTensionBelow: 70,
  /** Supply days at or below which a post counts as running out. */
  lowSupplyDays: 10,
  /** Own soldiers killed (over the scenario) that make one step of retaliation. */
  lossesPerRetaliation: 10,
  /** Tension (0-100) with Russia above which Turkey avoids anything that could hit Russians. */
  avoidRussiaTensionAbove: 40,
  /** Odds (attack per cent of defence) below which an assault is not worth making. */
  minAssaultOddsPct: 150,
} as const;

export type ThresholdName = keyof typeof THRESHOLD_DEFAULTS;

export const THRESHOLD_MEANING: Record<ThresholdName, string> = {
  assaultPostsFromEscalation: 'escalation rung (0-5) from which the actor may assault an observation post',
  ceasefireTensionAbove: 'tension (0-100) with Turkey above which Russia offers a ceasefire',
  notifyRussiaTensionBelow: 'tension (0-100) with Russia below which Turkey notifies Russia of its convoys',
  lowSupplyDays: 'supply days at or below which a post counts as running out',
  lossesPerRetaliation: 'own soldiers killed that make one step of retaliation',
  avoidRussiaTensionAbove:
    'tension (0-100) with Russia above which the actor avoids anything that could hit Russians',
  minAssaultOddsPct: 'odds (attack as a per cent of defence) below which an assault is not worth making',
};
export const THRESHOLDS = Object.keys(THRESHOLD_DEFAULTS) as ThresholdName[];

export interface Priority {
  factor: Factor;
  /** -100 to 100: how much the factor counts (negative: the actor shuns what it favours). */
  weight: number;
  /** Why the actor cares, in plain words (shown in decision records and the docs). */
  why: string;
}

export interface Doctrine {
  id: string;
  name: string;
  /** At most this many orders a turn. */
  ordersPerTurn: number;
  priorities: Priority[];
  thresholds: Record<ThresholdName, number>;
}
