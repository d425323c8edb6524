import { describe, expect, it } from 'vitest';
import { MAX_PIXELS, MAX_SIDE, MIN_HEIGHT, MIN_WIDTH, TITLE_BAND, imageFileName, pixelRatioFor, planGraphImage } from '../../../src/ui/export-image/plan.ts';

describe('imageFileName', () => {
  it('names the file after the title, with only letters, digits and dashes', () => {
    expect(imageFileName('Seed: all five policies', 'png')).toBe('seed-all-five-policies.png');
    expect(imageFileName('<script>alert(1)</script>', 'svg')).toBe('script-alert-1-script.svg');
    expect(imageFileName('../../etc/passwd', 'png')).toBe('etc-passwd.png');
    expect(imageFileName('Réseau · prod', 'png')).toBe('réseau-prod.png');
    expect(imageFileName('', 'svg')).toBe('netpol-canvas.svg');
    expect(imageFileName('***', 'png')).toBe('netpol-canvas.png');
  });
});

describe('planGraphImage', () => {
  it('keeps a small graph at least projector size, zoomed in no more than 1.5×', () => {
    const plan = planGraphImage({ x: 0, y: 0, width: 200, height: 100 });
    expect(plan.width).toBe(MIN_WIDTH);
    expect(plan.height).toBe(MIN_HEIGHT);
    expect(plan.viewport.zoom).toBeLessThanOrEqual(1.5);
  });

  it('draws a large graph at natural size up to the largest side, fitting every node', () => {
    const plan = planGraphImage({ x: -500, y: 100, width: 2000, height: 1200 });
    expect(plan.width).toBe(2096);
    expect(plan.viewport.zoom).toBeCloseTo(1);
    const huge = planGraphImage({ x: 0, y: 0, width: 50_000, height: 30_000 });
    expect(huge.width).toBe(MAX_SIDE);
    expect(huge.viewport.zoom).toBeLessThan(0.2);
  });

  it('lowers the pixel ratio so a PNG stays within what a canvas holds', () => {
    expect(pixelRatioFor(1000, 800)).toBe(2);
    const ratio = pixelRatioFor(MAX_SIDE, MAX_SIDE);
    expect(MAX_SIDE * ratio * (MAX_SIDE + TITLE_BAND) * ratio).toBeLessThanOrEqual(MAX_PIXELS + 1);
  });
});
