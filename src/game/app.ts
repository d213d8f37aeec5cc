// The browser game's screens and how one leads to the next:
//   menu → briefing (roles) → [hand-over] → map (orders, End turn, playback) → … → review
//   menu → resume (the newest autosave) → map
//   menu → open a saved game or replay → map (a save) or replay viewer (a replay)
//   menu → open a scenario file → briefing, or its errors with line:col
//   review → replay viewer → review
// Full-page screens are DOM in #screen; the map (Phaser, one game for the page's life), the meters
// and the side panel are in #app. The app holds the session; the screens and the map only read it
// and call back.
import Phaser from 'phaser';
import { dayOfTurn, formatLongDate, hashState, textIn, type GameState, type Order } from '../engine/index.ts';
import { formatProblem, ScenarioError, type Replay, type Scenario } from '../scenario/index.ts';
import { showBriefing, type Role } from '../ui/briefing.ts';
import { showHandover } from '../ui/handover.ts';
import { menuOrder, menuScenarioOf, showMenu, showProblems } from '../ui/menu.ts';
import { MetersBar } from '../ui/meters.ts';
import { Panel, type PlayControls } from '../ui/panel.ts';
import { metersModel } from '../ui/play-model.ts';
import { ReplayControls } from '../ui/replay-controls.ts';
import { showReview } from '../ui/review.ts';
import { reviewModel } from '../ui/review-model.ts';
import { replayPanel } from '../ui/replay-panel.ts';
import type { IdlibSimHook } from './globals.ts';
import { buildLegend } from './legend.ts';
import { MapScene, type MapSelection } from './map-scene.ts';
import { openScenarioFile, openScenarioText } from './open-file.ts';
import { actorColours, MAP_COLOURS } from './palette.ts';
import { RenderOnDemand } from './on-demand.ts';
import { AutosaveSlots, readSaveText, replayFileName, type SaveGame } from './saves.ts';
import { bundledFiles, bundledScenarioIds, DEFAULT_SCENARIO_ID, loadBundledScenario } from './scenarios.ts';
import { GameSession } from './session.ts';
import { el } from '../ui/dom.ts';

/** What the map shows: the game being played, or a replay being stepped through. */
type MapMode =
  | { kind: 'none' }
  | { kind: 'play'; session: GameSession }
  | { kind: 'replay'; session: GameSession; turn: number; back: () => void };

export interface AppOptions {
  /** Phaser renderer (Canvas by default; ?renderer=webgl|auto: see main.ts). */
  renderer: number;
  /** Milliseconds per phase of the turn playback on the map (?playback=0 skips it). */
  msPerPhase: number;
  /** Default seed for new games (?seed=). */
  seed: string;
}

export class App {
  private readonly screen: HTMLElement;
  private readonly appRoot: HTMLElement;
  private readonly mapRoot: HTMLElement;
  private readonly panelRoot: HTMLElement;
  private readonly metersRoot: HTMLElement;
  private readonly slots: AutosaveSlots;
  private readonly scenarios = new Map<string, Scenario>();
  private mode: MapMode = { kind: 'none' };
  private selection: MapSelection | null = null;
  private busy = false;
  private notice = '';
  private game: Phaser.Game | null = null;
  private scene: MapScene | null = null;
  private frames: RenderOnDemand | null = null;
  private colours: Record<string, string> = {};
  private panel: Panel | null = null;
  private meters: MetersBar | null = null;
  private replayControls: ReplayControls | null = null;
  private status: HTMLElement;
  /** The game shown last (kept for the test hook while the review is up). */
  private shown: GameSession | null = null;
  /** The state the map drew last (the map only exists once a game has been shown). */
  private lastState: GameState | null = null;

  constructor(private readonly options: AppOptions) {
    const get = (id: string) => {
      const node = document.getElementById(id);
      if (!node) throw new Error(`index.html must hold #${id}`);
      return node;
    };
    this.screen = get('screen');
    this.appRoot = get('app');
    this.mapRoot = get('map');
    this.panelRoot = get('panel');
    this.metersRoot = get('meters');
    let storage: Storage | null;
    try {
      storage = window.localStorage;
    } catch {
      storage = null;
    }
    this.slots = new AutosaveSlots(storage);
    this.status = el('p', { class: 'save-status', role: 'status', 'aria-live': 'polite' });
    document.body.append(this.status);
    this.installHook();
  }

  // ------------------------------------------------------------------ screens

  private showScreen(): void {
    this.leaveMap();
    this.appRoot.hidden = true;
    this.screen.hidden = false;
    window.scrollTo(0, 0);
  }

  private scenario(id: string): Scenario {
    let s = this.scenarios.get(id);
    if (!s) {
      s = loadBundledScenario(id);
      this.scenarios.set(id, s);
    }
    return s;
  }

  /** The menu: shipped scenarios, resume, open a file. */
  menu(notice = this.notice): void {
    this.notice = '';
    this.mode = { kind: 'none' };
    this.shown = null;
    this.showScreen();
    const entries = [];
    const broken: string[] = [];
    for (const id of bundledScenarioIds()) {
      try {
        entries.push(menuScenarioOf(this.scenario(id)));
      } catch (e) {
        broken.push(
          `${id}: ${e instanceof ScenarioError ? e.problems.map(formatProblem).join('; ') : (e as Error).message}`,
        );
      }
    }
    const save = this.slots.latest();
    showMenu(this.screen, {
      scenarios: menuOrder(entries, DEFAULT_SCENARIO_ID),
      resume: save ? this.describeSave(save) : null,
      notice: [notice, ...broken.map((b) => `A shipped scenario does not load: ${b}`)]
        .filter((n) => n)
        .join(' '),
      onPlay: (id) => this.briefing(this.scenario(id)),
      onResume: () => {
        const latest = this.slots.latest();
        if (latest) this.resumeSave(latest);
        else this.menu('There is no saved game to resume.');
      },
      onOpenScenarioFile: (file) => void this.openScenario(file),
      onOpenSaveFile: (file) => void this.openSave(file),
    });
  }

  private describeSave(save: SaveGame): string {
    const r = save.replay;
    const scenario = this.scenarios.get(r.scenario.id);
    const title = scenario ? textIn(scenario.data.title) : r.scenario.id;
    const students = Object.keys(save.roles).filter((a) => save.roles[a] === 'student');
    const who =
      students.length > 0 ? students.map((a) => this.actorName(scenario, a)).join(', ') : 'computer only';
    return `${title} · ${who} · ${r.turns.length} turn${r.turns.length === 1 ? '' : 's'} played`;
  }

  private actorName(scenario: Scenario | undefined, id: string): string {
    return scenario?.data.actors.find((a) => a.id === id)?.name ?? id;
  }

  /** The briefing of a shipped scenario, by id. */
  openBriefing(id: string): void {
    try {
      this.briefing(this.scenario(id));
    } catch (e) {
      this.menu(`The scenario “${id}” does not load: ${(e as Error).message}`);
    }
  }

  /** Starts a shipped scenario at once with these actors played by students (a link an instructor can share). */
  startNow(id: string, students: readonly string[]): void {
    let scenario: Scenario;
    try {
      scenario = this.scenario(id);
    } catch (e) {
      this.menu(`The scenario “${id}” does not load: ${(e as Error).message}`);
      return;
    }
    const unknown = students.filter(
      (a) => a !== 'none' && a !== '' && !scenario.data.actors.some((x) => x.id === a),
    );
    if (unknown.length > 0) {
      this.menu(`The scenario “${id}” has no actor ${unknown.map((a) => `“${a}”`).join(', ')}.`);
      return;
    }
    const roles: Record<string, Role> = {};
    for (const a of scenario.data.actors) roles[a.id] = students.includes(a.id) ? 'student' : 'computer';
    this.play(new GameSession({ scenario, seed: this.options.seed, roles }));
  }

  /** The briefing of a scenario; Start begins a game (or goes on from `replay`). */
  briefing(scenario: Scenario, source?: { file: string; text: string }, replay?: Replay): void {
    this.showScreen();
    showBriefing(this.screen, {
      scenario,
      seed: replay?.seed ?? this.options.seed,
      onBack: () => this.menu(),
      onStart: (roles: Record<string, Role>, seed: string) => {
        let session: GameSession;
        try {
          session = replay
            ? GameSession.fromReplay({ scenario, roles, source }, replay)
            : new GameSession({ scenario, seed: seed.trim() || '1', roles, source });
        } catch (e) {
          this.menu((e as Error).message);
          return;
        }
        this.play(session);
      },
    });
  }

  private async openScenario(file: File): Promise<void> {
    const opened = await openScenarioFile(file);
    if (!opened.ok) {
      this.showScreen();
      showProblems(this.screen, {
        title: `“${file.name}” cannot be played`,
        intro:
          'The scenario checker found these mistakes (line:column, then what is wrong). Nothing was changed.',
        problems: opened.problems,
        onBack: () => this.menu(),
      });
      return;
    }
    this.briefing(opened.scenario, { file: opened.file, text: opened.text });
  }

  private async openSave(file: File): Promise<void> {
    let text: string;
    try {
      text = await file.text();
    } catch (e) {
      this.menu(`“${file.name}” could not be read: ${(e as Error).message}`);
      return;
    }
    const opened = readSaveText(text);
    if (!opened.ok) {
      this.menu(`“${file.name}” was not opened: ${opened.reason}`);
      return;
    }
    if (opened.kind === 'save') {
      this.resumeSave(opened.save, file.name);
      return;
    }
    const replay = opened.replay;
    let scenario: Scenario;
    try {
      scenario = this.scenario(replay.scenario.id);
    } catch {
      this.menu(
        `“${file.name}” was not opened: it is a replay of the scenario “${replay.scenario.id}”, which does not come with the game.`,
      );
      return;
    }
    let session: GameSession;
    try {
      const roles: Record<string, Role> = {};
      for (const a of scenario.data.actors) roles[a.id] = 'computer';
      session = GameSession.fromReplay({ scenario, roles }, replay);
    } catch (e) {
      this.menu(`“${file.name}” was not opened: ${(e as Error).message}`);
      return;
    }
    this.replayViewer(session, () => this.menu(), replay);
  }

  private resumeSave(save: SaveGame, fileName = ''): void {
    const what = fileName ? `“${fileName}”` : 'The saved game';
    let scenario: Scenario;
    let source: { file: string; text: string } | undefined;
    if (save.source) {
      const opened = openScenarioTextSafe(save.source.file, save.source.text);
      if (!opened) {
        this.menu(`${what} was not resumed: the scenario file it was played from no longer checks.`);
        return;
      }
      scenario = opened;
      source = save.source;
    } else {
      try {
        scenario = this.scenario(save.replay.scenario.id);
      } catch {
        this.menu(
          `${what} was not resumed: its scenario “${save.replay.scenario.id}” does not come with the game.`,
        );
        return;
      }
    }
    let session: GameSession;
    try {
      session = GameSession.fromReplay({ scenario, roles: save.roles, source }, save.replay);
    } catch (e) {
      this.menu(`${what} was not resumed: ${(e as Error).message}`);
      return;
    }
    if (session.over) this.review(session);
    else this.play(session);
  }

  // ------------------------------------------------------------------ the map

  private ensureMap(): MapScene {
    if (this.scene && this.game) return this.scene;
    const scene = new MapScene({
      state: () => this.mapState(),
      viewer: () => this.mapViewer(),
      colours: this.colours,
      selected: () => this.selection,
      // The scene draws its own selection ring after a click; the panel lists the orders.
      onSelect: (sel) => {
        this.selection = sel;
        this.panel?.refresh();
      },
    });
    this.scene = scene;
    this.game = new Phaser.Game({
      type: this.options.renderer,
      parent: this.mapRoot,
      backgroundColor: MAP_COLOURS.land,
      banner: false,
      scale: {
        mode: Phaser.Scale.RESIZE,
        width: this.mapRoot.clientWidth || 800,
        height: this.mapRoot.clientHeight || 600,
      },
      render: { antialias: true },
      scene: [scene],
    });
    this.frames = new RenderOnDemand(this.game, this.mapRoot);
    scene.onDrawn = () => this.frames?.request();
    scene.onFrameNeeded = (n?: number) => this.frames?.request(n);
    return scene;
  }

  private mapState(): GameState {
    const m = this.mode;
    if (m.kind === 'play') this.lastState = m.session.view();
    else if (m.kind === 'replay') this.lastState = m.session.viewAt(m.turn, '');
    // Back on a full-page screen (the map is hidden): keep the last picture.
    return this.lastState!;
  }

  private mapViewer(): string {
    return this.mode.kind === 'play' ? this.mode.session.actor : '';
  }

  private setColours(scenario: Scenario): void {
    // The scene keeps a reference to this object: refill it rather than replace it.
    for (const k of Object.keys(this.colours)) delete this.colours[k];
    Object.assign(this.colours, actorColours(scenario));
  }

  private showMap(): void {
    this.screen.hidden = true;
    this.screen.replaceChildren();
    this.appRoot.hidden = false;
    this.ensureMap();
    this.scene?.redraw();
    this.frames?.request(4);
  }

  private leaveMap(): void {
    this.panel?.destroy();
    this.panel = null;
    this.replayControls?.destroy();
    this.replayControls = null;
  }

  /** Plays a session: the hand-over first when several students share the screen. */
  play(session: GameSession): void {
    this.mode = { kind: 'play', session };
    this.selection = null;
    this.setColours(session.scenario);
    if (session.students.length > 1) this.handover(session);
    else this.enterMap(session);
  }

  private handover(session: GameSession): void {
    this.showScreen();
    const state = session.state;
    showHandover(this.screen, {
      actorName: this.actorName(session.scenario, session.actor),
      turnText: `Turn ${state.turn} of ${state.calendar.turns}, ${formatLongDate(dayOfTurn(state.calendar, state.turn))}`,
      onReady: () => this.enterMap(session),
    });
  }

  private enterMap(session: GameSession): void {
    this.mode = { kind: 'play', session };
    this.showMap();
    this.meters ??= new MetersBar(this.metersRoot);
    this.panel?.destroy();
    this.panel = new Panel(
      this.panelRoot,
      buildLegend(session.scenario, session.state, this.colours, session.actor),
      this.controls(session),
    );
    // Export the game so far at any time: the CLI's replay format (the same file the review offers).
    const saveBox = el('section', { class: 'save-box', 'aria-label': 'Save to a file' });
    const save = el('button', { type: 'button', class: 'save-file' }, 'Download the game so far');
    save.addEventListener('click', () => downloadReplay(session.replay));
    saveBox.append(
      save,
      el(
        'p',
        { class: 'hint' },
        'A replay file: open it from the menu to go on, or check it with idlib-sim verify.',
      ),
    );
    this.panelRoot.append(saveBox);
    this.refresh();
    this.scene?.fitView();
  }

  private refresh(): void {
    const m = this.mode;
    if (m.kind !== 'play') return;
    this.meters?.update(metersModel(m.session.view(), m.session.scenario, m.session.actor));
    this.panel?.refresh();
    this.scene?.redraw();
  }

  private controls(session: GameSession): PlayControls {
    return {
      actor: () => session.actor,
      view: () => session.view(),
      legal: () => session.legal(),
      describe: (order: Order) => session.describe(order),
      pending: () => session.pending(),
      add: (order: Order) => {
        const r = session.add(order);
        if (r.ok) this.refresh();
        return r;
      },
      remove: (index: number) => {
        session.remove(index);
        this.refresh();
      },
      endTurn: () => void this.endTurn(session),
      endTurnLabel: () =>
        session.anotherSeat
          ? `End turn: hand over to ${this.actorName(session.scenario, session.nextActor)}`
          : 'End turn',
      busy: () => this.busy,
      selection: () => this.selection,
      select: (sel: MapSelection | null) => {
        this.selection = sel;
        this.scene?.showSelection();
        this.panel?.refresh();
      },
      lastEvents: () => session.eventsOf(session.turnsPlayed),
      lastDecisions: () => session.decisionsOf(session.turnsPlayed),
      computerActors: () => session.computerActors,
    };
  }

  private async endTurn(session: GameSession): Promise<void> {
    if (this.busy || this.mode.kind !== 'play' || this.mode.session !== session) return;
    const before = session.view();
    const beforeTurn = session.state.turn;
    this.busy = true;
    this.panel?.refresh();
    let result: ReturnType<GameSession['endTurn']>;
    try {
      result = session.endTurn();
    } catch (e) {
      this.busy = false;
      this.say(`The turn could not be resolved: ${(e as Error).message}`);
      this.panel?.refresh();
      return;
    }
    if (result === 'handover') {
      this.busy = false;
      this.selection = null;
      this.handover(session);
      return;
    }
    if (result === 'resolved') {
      this.autosave(session);
      this.selection = null;
      if (session.students.length > 1 && !session.over) {
        // The next screen belongs to the first student again: hide the last one's view first.
        this.busy = false;
        this.handover(session);
        return;
      }
      const after = session.view();
      const events = session.eventsOf(beforeTurn);
      this.meters?.update(metersModel(after, session.scenario, session.actor));
      this.panel?.refresh();
      try {
        await this.scene?.playTurn(before, after, events, this.options.msPerPhase);
      } finally {
        this.busy = false;
      }
    }
    this.busy = false;
    if (session.over) {
      this.review(session);
      return;
    }
    this.refresh();
  }

  private autosave(session: GameSession): void {
    const r = this.slots.write({
      roles: { ...session.roles },
      source: session.source,
      replay: session.replay,
    });
    if (!r.ok) this.say(r.reason);
  }

  private say(text: string): void {
    this.status.textContent = text;
  }

  // ------------------------------------------------------------------ review and replay

  review(session: GameSession): void {
    this.mode = { kind: 'none' };
    this.shown = session;
    this.showScreen();
    const student = session.students[0];
    showReview(this.screen, reviewModel(session.scenario, session.history, student ? { student } : {}), {
      onDownloadReplay: () => downloadReplay(session.replay),
      onViewReplay: () => this.replayViewer(session, () => this.review(session)),
      onMenu: () => this.menu(),
    });
  }

  /** Steps through a game turn by turn with the full view; a game opened from a file (`replay`) can be played on. */
  replayViewer(session: GameSession, back: () => void, replay?: Replay): void {
    this.mode = { kind: 'replay', session, turn: 0, back };
    this.selection = null;
    this.setColours(session.scenario);
    this.showMap();
    this.meters ??= new MetersBar(this.metersRoot);
    this.panelRoot.replaceChildren();
    const controlsRoot = el('div', { class: 'replay-box' });
    const eventsRoot = el('div', { class: 'replay-events' });
    this.panelRoot.append(controlsRoot);
    if (replay && !session.over) {
      // A game saved to a file goes on from its last turn, with roles chosen again on the briefing.
      const goOn = el('button', { type: 'button', class: 'primary' }, 'Play on from the last turn');
      goOn.addEventListener('click', () => this.briefing(session.scenario, session.source, replay));
      this.panelRoot.append(goOn);
    }
    this.panelRoot.append(eventsRoot);
    const show = (turn: number) => {
      if (this.mode.kind !== 'replay') return;
      this.mode.turn = turn;
      const state = session.viewAt(turn, '');
      this.meters?.update(metersModel(state, session.scenario, ''));
      replayPanel(eventsRoot, session.scenario, state, session.eventsOf(turn, ''));
      this.scene?.redraw();
    };
    this.replayControls = new ReplayControls(controlsRoot, {
      turns: session.turnsPlayed,
      current: 0,
      dateOf: (turn) => formatLongDate(dayOfTurn(session.state.calendar, Math.max(1, turn))),
      onTurn: (turn) => show(turn),
      onClose: () => back(),
    });
    show(0);
    this.scene?.fitView();
  }

  // ------------------------------------------------------------------ the test hook

  private installHook(): void {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const app = this;
    // The game last shown stays readable on the review screen that follows it.
    const current = () => (app.mode.kind === 'none' ? app.shown : app.mode.session);
    const hook: IdlibSimHook = Object.freeze({
      get turn() {
        return current()?.state.turn ?? 0;
      },
      get hash() {
        const s = current();
        return s ? hashState(s.state) : '';
      },
      get scenarioId() {
        return current()?.state.scenarioId ?? '';
      },
      get actor() {
        const m = app.mode;
        return m.kind === 'play' ? m.session.actor : '';
      },
      get busy() {
        return app.busy;
      },
      state: () => {
        const s = current();
        return s ? structuredClone(s.state) : null;
      },
    });
    Object.defineProperty(window, 'idlibSim', {
      value: hook,
      writable: false,
      configurable: false,
      enumerable: true,
    });
  }
}

/** A scenario saved with a game from disk, checked again; null when it no longer checks. */
function openScenarioTextSafe(file: string, text: string): Scenario | null {
  const opened = openScenarioText(file, text, bundledFiles);
  return opened.ok ? opened.scenario : null;
}

/** Offers the replay as a JSON file download (a Blob URL of this page: no request leaves it). */
export function downloadReplay(replay: Replay): void {
  const blob = new Blob([JSON.stringify(replay, null, 2) + '\n'], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: replayFileName(replay) });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
