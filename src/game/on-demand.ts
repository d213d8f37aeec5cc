// Render on demand. The map changes only when a turn is played or the window changes size, so
// Phaser's loop sleeps between those moments instead of redrawing an unchanged picture sixty
// times a second (which costs battery, and on machines without a GPU, such as a headless test
// browser, whole seconds). Anything that changes the picture asks for a few frames.
import Phaser from 'phaser';

export class RenderOnDemand {
  private framesLeft = 0;

  constructor(
    private readonly game: Phaser.Game,
    watch: HTMLElement,
  ) {
    game.events.on(Phaser.Core.Events.POST_RENDER, () => {
      this.framesLeft -= 1;
      if (this.framesLeft <= 0) game.loop.sleep();
    });
    // The scale manager notices a new size during a step, so a resize must wake the loop.
    window.addEventListener('resize', () => this.request());
    if (typeof ResizeObserver !== 'undefined') new ResizeObserver(() => this.request()).observe(watch);
    document.addEventListener('visibilitychange', () => this.request());
  }

  /** Keeps the loop running for at least `frames` more frames (textures upload, sizes settle). */
  request(frames = 2): void {
    this.framesLeft = Math.max(this.framesLeft, frames);
    if (!this.game.loop.running) this.game.loop.wake();
  }
}
