// Greedy label placement: labels are tried in priority order at a few spots round their anchor
// and kept only where they overlap neither an earlier label nor a map symbol.

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

export class LabelLayout {
  private readonly taken: Box[] = [];

  constructor(
    private readonly width: number,
    private readonly height: number,
  ) {}

  /** Marks an area (a symbol) that labels must not cover. */
  block(box: Box): void {
    this.taken.push(box);
  }

  /** Takes exactly this box if it is free and on the canvas; says whether it did. */
  claim(box: Box): boolean {
    if (box.x < 0 || box.y < 0 || box.x + box.w > this.width || box.y + box.h > this.height) return false;
    if (this.taken.some((t) => overlaps(t, box))) return false;
    this.taken.push(box);
    return true;
  }

  /**
   * Finds a free place for a label of size w×h next to a symbol of radius r at (x, y): right,
   * left, above, below, then the diagonals, first close by and then a little further out.
   * Returns the top-left corner, or null.
   */
  place(x: number, y: number, r: number, w: number, h: number, gap = 3): { x: number; y: number } | null {
    for (const g of [gap, gap + 5, gap + 11]) {
      const candidates = [
        { x: x + r + g, y: y - h / 2 },
        { x: x - r - g - w, y: y - h / 2 },
        { x: x - w / 2, y: y - r - g - h },
        { x: x - w / 2, y: y + r + g },
        { x: x + r + g / 2, y: y - r - g / 2 - h },
        { x: x + r + g / 2, y: y + r + g / 2 },
        { x: x - r - g / 2 - w, y: y - r - g / 2 - h },
        { x: x - r - g / 2 - w, y: y + r + g / 2 },
      ];
      for (const c of candidates) {
        const box = { x: c.x, y: c.y, w, h };
        if (box.x < 2 || box.y < 2 || box.x + w > this.width - 2 || box.y + h > this.height - 2) continue;
        if (this.taken.some((t) => overlaps(t, box))) continue;
        this.taken.push(box);
        return c;
      }
    }
    return null;
  }
}
