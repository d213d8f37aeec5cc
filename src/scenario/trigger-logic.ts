// Logic warnings about variables, triggers and objectives: things that are legal but cannot be
// what the author meant.
//   VARIABLE_UNUSED      a variable no condition, number, trigger or text reads
//   VARIABLE_NEVER_SET   a variable no trigger sets or adds to (it is a constant)
//   TRIGGER_NEVER_FIRES  a trigger that is switched off and that nothing switches on; that waits for
//                        a variable nothing changes; that waits for a score no objective or
//                        trigger can give; or whose `if` rules out the turn it waits for
//   TRIGGER_CYCLE        triggers that can fire again and again (once: false) and set each other
//                        off in a loop: the turn would stop at the cascade cap
//   OBJECTIVE_STATIC     an objective whose condition reads nothing that can change in play, and
//                        that no trigger decides
import type { Reporter } from './diagnostics.ts';
import type { ScenarioData } from './schema.ts';
import { placeholders, textsOf } from './texts.ts';

type Trigger = ScenarioData['triggers'][number];
type Action = Trigger['then'][number];
type Node = Record<string, unknown>;

/** Visits every node of a condition or number expression. */
function walk(value: unknown, visit: (node: Node) => void): void {
  if (Array.isArray(value)) {
    for (const v of value) walk(v, visit);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  visit(value as Node);
  for (const v of Object.values(value)) walk(v, visit);
}

function readsOf(s: ScenarioData): Set<string> {
  const read = new Set<string>();
  const reads = (c: unknown) =>
    walk(c, (n) => {
      if (typeof n.variable === 'string' && !('value' in n)) read.add(n.variable);
      if (typeof n.flag === 'string') read.add(n.flag);
    });
  s.objectives.forEach((o) => reads(o.condition));
  s.victory.suddenDeath.forEach((d) => reads(d.condition));
  // A history entry reads what its test names.
  for (const h of s.history) {
    reads(h.holds);
    if (h.seen && 'variable_changed' in h.seen) read.add(h.seen.variable_changed.variable);
  }
  for (const t of s.triggers) {
    reads(t.if);
    if ('variable_changed' in t.when) read.add(t.when.variable_changed.variable);
    for (const a of t.then) {
      if ('set' in a) reads(a.set.value);
      if ('add' in a) reads(a.add.value);
    }
  }
  for (const f of textsOf(s)) {
    if (!f.filled) continue;
    const versions = typeof f.text === 'string' ? [f.text] : Object.values(f.text);
    for (const v of versions) for (const name of placeholders(v)) read.add(name);
  }
  return read;
}

function writesOf(s: ScenarioData): Set<string> {
  const written = new Set<string>();
  for (const t of s.triggers)
    for (const a of t.then) {
      if ('set' in a) written.add(a.set.variable);
      if ('add' in a) written.add(a.add.variable);
    }
  return written;
}

/** True when an action can set off a trigger waiting for `when` in the same turn. */
function canSetOff(s: ScenarioData, a: Action, when: Trigger['when']): boolean {
  if ('variable_changed' in when)
    return (
      ('set' in a && a.set.variable === when.variable_changed.variable) ||
      ('add' in a && a.add.variable === when.variable_changed.variable)
    );
  if ('control_changed' in when && 'set_control' in a) {
    const f = when.control_changed;
    return (
      (f.location === undefined || f.location === a.set_control.location) &&
      (f.to === undefined || f.to === a.set_control.actor)
    );
  }
  if ('escalation_crossed' in when && 'escalation' in a)
    return when.escalation_crossed.direction === 'up' ? a.escalation.add > 0 : a.escalation.add < 0;
  if ('agreement_changed' in when) {
    const f = when.agreement_changed;
    const id = 'start_agreement' in a ? a.start_agreement : 'end_agreement' in a ? a.end_agreement : null;
    const to = 'start_agreement' in a ? 'holds' : 'ended';
    return (
      id !== null &&
      (f.agreement === undefined || f.agreement === id) &&
      (f.to === undefined || f.to.includes(to))
    );
  }
  if ('score_crossed' in when) {
    const f = when.score_crossed;
    if ('points' in a) return a.points.actor === f.actor && (f.direction === 'up') === a.points.points > 0;
    if ('objective' in a && a.objective.status === 'achieved') {
      const o = s.objectives.find((x) => x.id === a.objective.id);
      return o !== undefined && o.actor === f.actor && (f.direction === 'up') === o.points > 0;
    }
  }
  return false;
}

/** Turn numbers a condition certainly rules out, from turn_range at its top or under `all`. */
function excludesTurn(c: unknown, turn: number): boolean {
  if (typeof c !== 'object' || c === null) return false;
  const n = c as Node;
  if (Array.isArray(n.all)) return n.all.some((x) => excludesTurn(x, turn));
  const r = n.turn_range as { from?: number; to?: number } | undefined;
  return r !== undefined && ((r.from !== undefined && turn < r.from) || (r.to !== undefined && turn > r.to));
}

/** True when the condition reads nothing that can change: literal numbers and constant variables. */
function isStatic(c: unknown, constant: (variable: string) => boolean): boolean {
  if (typeof c === 'number') return true;
  if (typeof c !== 'object' || c === null) return false;
  const n = c as Node;
  if (Array.isArray(n.all)) return n.all.every((x) => isStatic(x, constant));
  if (Array.isArray(n.any)) return n.any.every((x) => isStatic(x, constant));
  if (n.not !== undefined) return isStatic(n.not, constant);
  if (n.compare) {
    const cmp = n.compare as { left: unknown; right: unknown };
    return isStatic(cmp.left, constant) && isStatic(cmp.right, constant);
  }
  if (typeof n.variable === 'string') return constant(n.variable);
  if (typeof n.flag === 'string') return constant(n.flag);
  return false;
}

/** Strongly connected groups of the graph (Tarjan), each with the edges inside it. */
function cycles(edges: number[][]): number[][] {
  const index: number[] = [];
  const low: number[] = [];
  const onStack: boolean[] = [];
  const stack: number[] = [];
  const out: number[][] = [];
  let next = 0;
  const connect = (v: number): void => {
    index[v] = low[v] = next++;
    stack.push(v);
    onStack[v] = true;
    for (const w of edges[v]!) {
      if (index[w] === undefined) {
        connect(w);
        low[v] = Math.min(low[v]!, low[w]!);
      } else if (onStack[w]) low[v] = Math.min(low[v]!, index[w]!);
    }
    if (low[v] === index[v]) {
      const group: number[] = [];
      let w: number;
      do {
        w = stack.pop()!;
        onStack[w] = false;
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || edges[v]!.includes(v)) out.push(group.sort((a, b) => a - b));
    }
  };
  for (let v = 0; v < edges.length; v++) if (index[v] === undefined) connect(v);
  return out;
}

export function checkTriggerLogic(rep: Reporter, s: ScenarioData): void {
  const read = readsOf(s);
  const written = writesOf(s);
  s.variables.forEach((v, i) => {
    if (!read.has(v.id))
      rep.add(
        'VARIABLE_UNUSED',
        ['variables', i],
        `Nothing reads the variable "${v.id}" (no condition, number, trigger or text uses it): remove it, or use it.`,
      );
    if (!written.has(v.id))
      rep.add(
        'VARIABLE_NEVER_SET',
        ['variables', i],
        `No trigger sets or adds to the variable "${v.id}", so it keeps its starting value (${String(v.initial)}) all game: write the value where it is used, or add a trigger that changes it.`,
      );
  });

  const enabledBy = new Set<string>();
  for (const t of s.triggers) for (const a of t.then) if ('enable' in a) enabledBy.add(a.enable);
  const maxScore = (actor: string): number => {
    let sum = 0;
    for (const o of s.objectives) if (o.actor === actor && o.points > 0) sum += o.points;
    for (const t of s.triggers)
      for (const a of t.then)
        if ('points' in a && a.points.actor === actor && a.points.points > 0)
          sum += a.points.points * (t.once ? 1 : s.calendar.turns);
    return sum;
  };
  s.triggers.forEach((t, i) => {
    const never = (why: string, path: (string | number)[] = ['triggers', i]) =>
      rep.add('TRIGGER_NEVER_FIRES', path, `The trigger "${t.id}" can never fire: ${why}.`);
    if (!t.enabled && !enabledBy.has(t.id))
      never('it starts switched off (enabled: false) and no trigger enables it', ['triggers', i, 'enabled']);
    const w = t.when;
    if ('variable_changed' in w && !written.has(w.variable_changed.variable))
      never(`no trigger sets or adds to "${w.variable_changed.variable}"`, ['triggers', i, 'when']);
    if (
      'control_changed' in w &&
      w.control_changed.from !== undefined &&
      w.control_changed.from === w.control_changed.to
    )
      never('a place cannot pass from an actor to the same actor', ['triggers', i, 'when']);
    if (
      'score_crossed' in w &&
      w.score_crossed.direction === 'up' &&
      w.score_crossed.value > maxScore(w.score_crossed.actor)
    )
      never(
        `${w.score_crossed.actor} can score ${maxScore(w.score_crossed.actor)} points at most, short of ${w.score_crossed.value}`,
        ['triggers', i, 'when'],
      );
    if ('turn' in w && t.if !== undefined && excludesTurn(t.if, w.turn))
      never(`it waits for turn ${w.turn}, which its \`if\` rules out`, ['triggers', i, 'if']);
  });

  const edges = s.triggers.map((a) =>
    s.triggers.flatMap((b, j) => (a.then.some((action) => canSetOff(s, action, b.when)) ? [j] : [])),
  );
  for (const group of cycles(edges)) {
    if (!group.every((k) => !s.triggers[k]!.once)) continue;
    const names = group.map((k) => `"${s.triggers[k]!.id}"`).join(', ');
    rep.add(
      'TRIGGER_CYCLE',
      ['triggers', group[0]!],
      group.length === 1
        ? `The trigger "${s.triggers[group[0]!]!.id}" sets itself off again (once: false): each turn it fires until the cascade cap stops the triggers. Make it once: true, or make its \`if\` false after it fires.`
        : `The triggers ${names} set each other off in a loop and can all fire again (once: false): each turn they fire until the cascade cap stops the triggers. Break the loop, or make one of them once: true.`,
    );
  }

  const decided = new Set<string>();
  for (const t of s.triggers) for (const a of t.then) if ('objective' in a) decided.add(a.objective.id);
  const constant = (v: string) => !written.has(v);
  s.objectives.forEach((o, i) => {
    if (decided.has(o.id) || !isStatic(o.condition, constant)) return;
    rep.add(
      'OBJECTIVE_STATIC',
      ['objectives', i, 'condition'],
      `Nothing in play can change whether the objective "${o.id}" holds: its condition reads only fixed numbers and variables no trigger changes, and no trigger decides it.`,
    );
  });
}
