// The browser entry (the "boot" step): reads the page's options from the URL and opens the menu.
//   ?renderer=webgl|auto    Phaser's renderer. The default is Canvas 2D: the map is a few hundred flat
//                           shapes, which Canvas draws fast everywhere, while WebGL without a GPU (software
//                           rendering, as in a headless browser or a machine without drivers) takes
//                           50-100 ms a frame and makes panning stutter.
//   ?playback=<ms>          milliseconds per phase of a turn's playback on the map (0 skips it)
//   ?seed=<seed>            the seed the briefing offers for a new game (default 1)
//   ?scenario=<id>          opens that shipped scenario's briefing instead of the menu
//   ?scenario=<id>&play=<actors>  starts that scenario at once: the listed actors (comma list)
//                           played by students, the others by the computer (play=none: all computer)
import Phaser from 'phaser';
import '../ui/panel.css';
import { App } from './app.ts';
import { bundledScenarioIds } from './scenarios.ts';

function start(): void {
  const params = new URLSearchParams(window.location.search);
  const renderer = params.get('renderer');
  const type = renderer === 'webgl' ? Phaser.WEBGL : renderer === 'auto' ? Phaser.AUTO : Phaser.CANVAS;
  const playback = Number(params.get('playback') ?? '450');
  const app = new App({
    renderer: type,
    msPerPhase: Number.isFinite(playback) && playback >= 0 ? Math.min(playback, 5000) : 450,
    seed: params.get('seed') || '1',
  });
  const scenario = params.get('scenario');
  const play = params.get('play');
  if (scenario && bundledScenarioIds().includes(scenario)) {
    if (play !== null)
      app.startNow(
        scenario,
        play.split(',').map((a) => a.trim()),
      );
    else app.openBriefing(scenario);
  } else app.menu(scenario ? `There is no scenario “${scenario}”; choose one below.` : '');
}

start();
