// Saving games in the browser. The autosave after every turn goes to two slots of localStorage in
// turn: each write goes to the slot that does not hold the newest save, so a failed write (a full
// storage, a closed tab) never loses the last good save. A save holds the game's replay (the CLI's
// replay format) plus what the browser needs to go on: who plays which actor and, for a scenario
// opened from disk, its text. Exported files are plain replays: `idlib-sim verify` checks them,
// and a replay written by the CLI opens here.
import { z } from 'zod';
import { ReplaySchema, type Replay } from '../scenario/index.ts';

export const SAVE_FORMAT = 'idlib-sim-save';

const SaveSchema = z.strictObject({
  format: z.literal(SAVE_FORMAT),
  formatVersion: z.literal(1),
  /** Grows by one with every write: the newest valid slot wins. */
  sequence: z.number().int().min(1),
  /** When it was written (ISO time), shown on the menu. */
  savedAt: z.string(),
  roles: z.record(z.string(), z.enum(['student', 'computer'])),
  /** Set for a scenario opened from disk: its file name and text. */
  source: z.strictObject({ file: z.string(), text: z.string() }).optional(),
  replay: ReplaySchema,
});

export type SaveGame = z.output<typeof SaveSchema>;
export type NewSave = Omit<SaveGame, 'format' | 'formatVersion' | 'sequence' | 'savedAt'>;

/** The part of the Storage API the slots use (localStorage in the page; a Map in tests). */
export interface SlotStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export type WriteResult = { ok: true; slot: number } | { ok: false; reason: string };

export class AutosaveSlots {
  constructor(
    private readonly storage: SlotStorage | null,
    private readonly prefix = 'idlib-sim.autosave',
    private readonly now: () => string = () => new Date().toISOString(),
  ) {}

  private key(slot: number): string {
    return `${this.prefix}.${slot}`;
  }

  /** A slot's save, or null when it is empty, unreadable or not a save. */
  read(slot: number): SaveGame | null {
    let text: string | null;
    try {
      text = this.storage?.getItem(this.key(slot)) ?? null;
    } catch {
      return null;
    }
    if (text === null) return null;
    const parsed = parseJson(text);
    if (!parsed.ok) return null;
    const save = SaveSchema.safeParse(parsed.value);
    return save.success ? save.data : null;
  }

  /** The newest good save, or null. */
  latest(): SaveGame | null {
    const a = this.read(0);
    const b = this.read(1);
    if (a && b) return a.sequence >= b.sequence ? a : b;
    return a ?? b;
  }

  /** Writes a save into the slot that does not hold the newest one. */
  write(save: NewSave): WriteResult {
    if (!this.storage) return { ok: false, reason: 'This browser keeps no local storage.' };
    const newest = this.latest();
    const sequence = (newest?.sequence ?? 0) + 1;
    const slot = sequence % 2;
    const full: SaveGame = {
      format: SAVE_FORMAT,
      formatVersion: 1,
      sequence,
      savedAt: this.now(),
      ...save,
    };
    try {
      this.storage.setItem(this.key(slot), JSON.stringify(full));
      return { ok: true, slot };
    } catch (e) {
      return {
        ok: false,
        reason: `The game could not be saved (${(e as Error).message}); the last save is kept.`,
      };
    }
  }

  /** Forgets both slots. */
  clear(): void {
    for (const slot of [0, 1]) {
      try {
        this.storage?.removeItem(this.key(slot));
      } catch {
        // Nothing to keep: the slot stays as it was.
      }
    }
  }
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    return { ok: false, reason: (e as Error).message };
  }
}

/** What an opened file turned out to be. */
export type OpenedFile =
  | { ok: true; kind: 'replay'; replay: Replay }
  | { ok: true; kind: 'save'; save: SaveGame }
  | { ok: false; reason: string };

/** Largest save or replay file the page reads (a whole game's replay is well under 1 MB). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/**
 * Reads a file the player opened: a replay (the CLI's format, also what the page exports) or an
 * autosave record. Anything else is refused with the reason, in words.
 */
export function readSaveText(text: string): OpenedFile {
  if (text.length > MAX_FILE_BYTES) return { ok: false, reason: 'The file is too large to be a saved game.' };
  const parsed = parseJson(text);
  if (!parsed.ok) return { ok: false, reason: `The file is not JSON (${parsed.reason}).` };
  const value = parsed.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, reason: 'The file is not a saved game or replay of idlib-sim.' };
  const format = (value as { format?: unknown }).format;
  if (format === SAVE_FORMAT) {
    const save = SaveSchema.safeParse(value);
    if (!save.success) return { ok: false, reason: `The saved game is damaged: ${firstIssue(save.error)}.` };
    return { ok: true, kind: 'save', save: save.data };
  }
  if (format === 'idlib-sim-replay') {
    const replay = ReplaySchema.safeParse(value);
    if (!replay.success) return { ok: false, reason: `The replay is damaged: ${firstIssue(replay.error)}.` };
    return { ok: true, kind: 'replay', replay: replay.data };
  }
  return { ok: false, reason: 'The file is not a saved game or replay of idlib-sim.' };
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'it does not have the expected form';
  const where = issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  return `${issue.message}${where}`;
}

/** "idlib-sim-winter-2019-2020-seed-1-turn-12.replay.json". */
export function replayFileName(replay: Replay): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 40);
  return `idlib-sim-${safe(replay.scenario.id)}-seed-${safe(replay.seed)}-turn-${replay.turns.length}.replay.json`;
}
