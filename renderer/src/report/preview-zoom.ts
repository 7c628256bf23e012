import { useLayoutEffect, useState, type RefObject } from 'react';

// The preview's zoom: a fixed percentage, or the paper's width fitted to the preview's (kept
// fitted as the window changes). Only the screen is scaled, by a transform on the paper inside
// a frame of the scaled size: CSS zoom scaled the layout itself, so printing (at 100%) restyled,
// reshaped and laid the whole report out again, twice (issue 19); a transform is undone by
// print without touching what is inside it (report-media.css).

export const ZOOMS = ['fit', 50, 75, 100, 125, 150] as const;
export type Zoom = (typeof ZOOMS)[number];

const PADDING_PX = 48;

export interface PreviewScale {
  scale: number;
  /** The paper's size as drawn at that scale, for the frame that holds it; null until measured. */
  frame: { width: number; height: number } | null;
}

export function usePreviewScale(
  zoom: Zoom,
  preview: RefObject<HTMLElement | null>,
  paper: RefObject<HTMLElement | null>,
  /** Anything that changes the paper's size (a new report, another paper size). */
  content: unknown,
): PreviewScale {
  const [fit, setFit] = useState(1);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  useLayoutEffect(() => {
    const area = preview.current;
    const sheet = paper.current;
    if (!area || !sheet) return;
    const measure = () => {
      // Layout sizes: a transform scales how the box is drawn, not the box.
      const width = sheet.offsetWidth;
      const height = sheet.offsetHeight;
      setSize((before) =>
        before?.width === width && before.height === height ? before : { width, height },
      );
      if (zoom === 'fit' && width > 0)
        setFit(Math.min(2, Math.max(0.25, (area.clientWidth - PADDING_PX) / width)));
    };
    measure();
    // The window's size changes the fit; the paper's height changes as charts come into view
    // (they are laid out only then) and with the report's options.
    const observer = new ResizeObserver(measure);
    observer.observe(area);
    observer.observe(sheet);
    return () => observer.disconnect();
  }, [zoom, preview, paper, content]);
  const scale = zoom === 'fit' ? fit : zoom / 100;
  return {
    scale,
    frame: size === null ? null : { width: size.width * scale, height: size.height * scale },
  };
}
