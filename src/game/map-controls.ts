// The DOM laid over the map canvas (inside #map): the zoom buttons, the caption naming the phase
// a turn's playback shows (with a button to skip the rest), and the scale bar with the north
// arrow, which follows the zoom. Text goes in through textContent only; styles in map.css.

export interface MapControlHandlers {
  zoomIn(): void;
  zoomOut(): void;
  fit(): void;
  /** Skips the rest of the turn's playback. */
  skip(): void;
}

function button(text: string, label: string, onClick: () => void, keys = ''): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.setAttribute('aria-label', label);
  b.title = keys === '' ? label : `${label} (key ${keys})`;
  if (keys !== '') b.setAttribute('aria-keyshortcuts', keys);
  b.addEventListener('click', (e) => {
    e.stopPropagation();
    onClick();
  });
  return b;
}

/** The length in kilometres a scale bar shows at `pixelsPerMetre` (a round number, at least `minPx` long). */
export function scaleBar(pixelsPerMetre: number, minPx = 70): { km: number; px: number } {
  const nice = [0.5, 1, 2, 5, 10, 20, 25, 50, 100, 200];
  const km = nice.find((k) => k * 1000 * pixelsPerMetre >= minPx) ?? nice[nice.length - 1]!;
  return { km, px: Math.round(km * 1000 * pixelsPerMetre) };
}

export class MapControls {
  private readonly root: HTMLElement[];
  private readonly caption: HTMLDivElement;
  private readonly captionText: HTMLSpanElement;
  private readonly skipButton: HTMLButtonElement;
  private readonly scaleLine: HTMLDivElement;
  private readonly scaleText: HTMLSpanElement;

  constructor(parent: HTMLElement, handlers: MapControlHandlers) {
    const zoom = document.createElement('div');
    zoom.className = 'map-zoom';
    zoom.setAttribute('role', 'group');
    zoom.setAttribute('aria-label', 'Map view');
    zoom.append(
      button('+', 'Zoom in', handlers.zoomIn, '+'),
      button('−', 'Zoom out', handlers.zoomOut, '-'),
      button('Fit', 'Fit map', handlers.fit, '0'),
    );

    this.caption = document.createElement('div');
    this.caption.className = 'map-caption';
    this.caption.setAttribute('role', 'status');
    this.caption.hidden = true;
    this.captionText = document.createElement('span');
    this.skipButton = button('Skip', 'Skip the rest of the turn on the map', handlers.skip);
    this.caption.append(this.captionText, this.skipButton);

    const scale = document.createElement('div');
    scale.className = 'map-scale';
    scale.setAttribute('aria-hidden', 'true');
    const bar = document.createElement('div');
    bar.className = 'map-scale-bar';
    this.scaleLine = document.createElement('div');
    this.scaleLine.className = 'map-scale-line';
    this.scaleText = document.createElement('span');
    bar.append(this.scaleText, this.scaleLine);
    const north = document.createElement('div');
    north.className = 'map-north';
    const arrow = document.createElement('span');
    arrow.textContent = '▲';
    const n = document.createElement('span');
    n.textContent = 'N';
    north.append(arrow, n);
    scale.append(bar, north);

    this.root = [zoom, this.caption, scale];
    parent.append(...this.root);
  }

  /** Shows the playback caption (null hides it). */
  setCaption(text: string | null): void {
    if (text === null) {
      this.caption.hidden = true;
      this.captionText.textContent = '';
      return;
    }
    this.captionText.textContent = text;
    this.caption.hidden = false;
  }

  /** Sets the scale bar for the map's pixels per metre on screen. */
  setScale(pixelsPerMetre: number): void {
    const { km, px } = scaleBar(pixelsPerMetre);
    this.scaleLine.style.width = `${px}px`;
    this.scaleText.textContent = `${km} km`;
  }

  destroy(): void {
    for (const el of this.root) el.remove();
  }
}
