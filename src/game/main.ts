// The browser entry: loads the shipped scenario named in the URL (?scenario=<id>, default
// winter-2019-2020) with the seed from ?seed= (default 1), starts the Phaser map and the DOM
// panel, and plays turns through the engine when the player presses "End turn".
import Phaser from 'phaser';
import { dayOfTurn, formatLongDate, hashState, textIn } from '../engine/index.ts';
import { formatProblem, ScenarioError, type Scenario } from '../scenario/index.ts';
import { Panel, showError, type PanelModel } from '../ui/panel.ts';
import '../ui/panel.css';
import type { IdlibSimHook } from './globals.ts';
import { buildLegend } from './legend.ts';
import { MapScene } from './map-scene.ts';
import { MAP_COLOURS, actorColours } from './palette.ts';
import { DEFAULT_SCENARIO_ID, loadBundledScenario } from './scenarios.ts';
import { RenderOnDemand } from './on-demand.ts';
import { GameSession } from './session.ts';

function panelModel(session: GameSession): PanelModel {
  const state = session.state;
  const cal = state.calendar;
  const viewer = session.viewer;
  const viewerName = viewer === '' ? '' : state.actors[viewer]!.name;
  const last = state.log[state.log.length - 1];
  const shownTurn = Math.min(state.turn, cal.turns);
  return {
    title: textIn(session.scenario.data.title),
    subtitle: `Seed ${session.seed}` + (viewerName ? ` · you view ${viewerName}` : ' · no human actor'),
    turnText: state.over
      ? `Finished after turn ${state.turn - 1} of ${cal.turns}`
      : `Turn ${shownTurn} of ${cal.turns}`,
    dateText:
      formatLongDate(dayOfTurn(cal, state.turn)) +
      ` · ${cal.daysPerTurn} day${cal.daysPerTurn === 1 ? '' : 's'} per turn`,
    over: state.over,
    outcomeText: state.outcome ? `Game over: ${state.outcome.summary}` : '',
    eventsHeading: last
      ? `Turn ${last.turn} (${formatLongDate(dayOfTurn(cal, last.turn))}): what happened`
      : 'Events',
    events: last ? session.lastEvents.map((e) => e.explain) : [],
  };
}

function start(): void {
  const mapRoot = document.getElementById('map');
  const panelRoot = document.getElementById('panel');
  if (!mapRoot || !panelRoot) throw new Error('index.html must hold #map and #panel');

  const params = new URLSearchParams(window.location.search);
  const scenarioId = params.get('scenario') || DEFAULT_SCENARIO_ID;
  const seed = params.get('seed') || '1';
  // ?renderer=canvas or ?renderer=webgl forces Phaser's renderer; by default Phaser picks (WebGL when it can).
  const renderer = params.get('renderer');
  const type = renderer === 'canvas' ? Phaser.CANVAS : renderer === 'webgl' ? Phaser.WEBGL : Phaser.AUTO;

  let scenario: Scenario;
  try {
    scenario = loadBundledScenario(scenarioId);
  } catch (e) {
    if (e instanceof ScenarioError)
      showError(panelRoot, `The scenario "${scenarioId}" has mistakes`, e.problems.map(formatProblem));
    else showError(panelRoot, 'Cannot start the game', [(e as Error).message]);
    return;
  }

  const session = new GameSession(scenario, seed);
  const colours = actorColours(scenario);
  const scene = new MapScene({ state: () => session.state, viewer: () => session.viewer, colours });
  const panel = new Panel(panelRoot, buildLegend(scenario, session.state, colours, session.viewer), () =>
    session.endTurn(),
  );
  panel.update(panelModel(session));
  session.subscribe((s) => {
    panel.update(panelModel(s));
    scene.redraw();
  });

  const game = new Phaser.Game({
    type,
    parent: mapRoot,
    backgroundColor: MAP_COLOURS.land,
    banner: false,
    scale: {
      mode: Phaser.Scale.RESIZE,
      width: mapRoot.clientWidth || 800,
      height: mapRoot.clientHeight || 600,
    },
    render: { antialias: true },
    scene: [scene],
  });
  const frames = new RenderOnDemand(game, mapRoot);
  scene.onDrawn = () => frames.request();

  const hook: IdlibSimHook = Object.freeze({
    get turn() {
      return session.state.turn;
    },
    get hash() {
      return hashState(session.state);
    },
    get scenarioId() {
      return session.state.scenarioId;
    },
    get actor() {
      return session.viewer;
    },
    state: () => structuredClone(session.state),
  });
  Object.defineProperty(window, 'idlibSim', {
    value: hook,
    writable: false,
    configurable: false,
    enumerable: true,
  });
}

start();
