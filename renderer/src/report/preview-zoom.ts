import { useLayoutEffect, useState, type RefObject } from 'react';

// The preview's zoom: a fixed percentage, or the paper's width fitted to the preview's (kept
// fitted as the window changes). Only the screen is zoomed; print resets it (report.css).

export const ZOOMS = ['fit', 50, 75, 100, 125, 150] as const;
export type Zoom = (typeof ZOOMS)[number];

const PADDING_PX = 48;

export function usePreviewScale(
  zoom: Zoom,
  preview: RefObject<HTMLElement | null>,
  paper: RefObject<HTMLElement | null>,
  /** Anything that changes the paper's width (a new report, another paper size). */
  content: unknown,
): number {
  const [fit, setFit] = useState(1);
  useLayoutEffect(() => {
    if (zoom !== 'fit') return;
    const area = preview.current;
    const sheet = paper.current;
    if (!area || !sheet) return;
    const measure = () => {
      // offsetWidth is the unzoomed width: zoom scales the box it is drawn in, not the layout.
      const width = sheet.offsetWidth;
      if (width > 0) setFit(Math.min(2, Math.max(0.25, (area.clientWidth - PADDING_PX) / width)));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(area);
    return () => observer.disconnect();
  }, [zoom, preview, paper, content]);
  return zoom === 'fit' ? fit : zoom / 100;
}
