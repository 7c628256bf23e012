// Draws the app icon (icon.png, 512×512) without image tools: a rounded tile with three status
// bars (on track, at risk, off track) under a target line; and the same at 16, 32 and 48 pixels
// as the browser-mode favicon (renderer/public/favicon.ico, PNG images in an ICO directory).
// Run: node resources/icons/make-icon.mjs

import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const SAMPLES = 4; // per axis, for smooth edges

/** Signed distance to a rounded rectangle (negative inside). */
function roundedRect(x, y, left, top, right, bottom, radius) {
  const cx = Math.max(left + radius - x, 0, x - (right - radius));
  const cy = Math.max(top + radius - y, 0, y - (bottom - radius));
  const outside = Math.hypot(cx, cy) - radius;
  const inside = Math.min(0, Math.max(left - x, x - right, top - y, y - bottom));
  return cx > 0 || cy > 0 ? outside : inside;
}

const tile = { left: 32, top: 32, right: 480, bottom: 480, radius: 96 };
const bars = [
  { left: 112, right: 192, top: 268, color: [46, 174, 96] },
  { left: 216, right: 296, top: 196, color: [240, 170, 40] },
  { left: 320, right: 400, top: 316, color: [222, 76, 66] },
];
const barBottom = 400;

function colourAt(x, y) {
  if (roundedRect(x, y, tile.left, tile.top, tile.right, tile.bottom, tile.radius) > 0) return null;
  // Target line across the tile.
  if (y >= 150 && y <= 162 && x >= 96 && x <= 416) return [255, 255, 255];
  for (const bar of bars) {
    if (roundedRect(x, y, bar.left, bar.top, bar.right, barBottom, 14) <= 0) return bar.color;
  }
  const t = (y - tile.top) / (tile.bottom - tile.top);
  return [Math.round(28 + 10 * t), Math.round(52 + 14 * t), Math.round(92 + 20 * t)];
}

/** The icon as RGBA rows (each with PNG's filter byte), drawn at `size` pixels. */
function render(size) {
  const scale = SIZE / size;
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y += 1) {
    const row = y * (size * 4 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < size; x += 1) {
      const sum = [0, 0, 0];
      let covered = 0;
      for (let sy = 0; sy < SAMPLES; sy += 1) {
        for (let sx = 0; sx < SAMPLES; sx += 1) {
          const colour = colourAt(
            (x + (sx + 0.5) / SAMPLES) * scale,
            (y + (sy + 0.5) / SAMPLES) * scale,
          );
          if (!colour) continue;
          covered += 1;
          for (let c = 0; c < 3; c += 1) sum[c] += colour[c];
        }
      }
      const offset = row + 1 + x * 4;
      if (covered > 0)
        for (let c = 0; c < 3; c += 1) raw[offset + c] = Math.round(sum[c] / covered);
      raw[offset + 3] = Math.round((255 * covered) / (SAMPLES * SAMPLES));
    }
  }
  return raw;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function pngOf(size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(render(size), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An ICO file holding PNG images (read by every current browser). */
function icoOf(sizes) {
  const images = sizes.map(pngOf);
  const head = Buffer.alloc(6 + 16 * images.length);
  head.writeUInt16LE(1, 2); // type: icon
  head.writeUInt16LE(images.length, 4);
  let offset = head.length;
  images.forEach((image, i) => {
    const entry = 6 + 16 * i;
    head[entry] = sizes[i];
    head[entry + 1] = sizes[i];
    head.writeUInt16LE(1, entry + 4); // colour planes
    head.writeUInt16LE(32, entry + 6); // bits per pixel
    head.writeUInt32LE(image.length, entry + 8);
    head.writeUInt32LE(offset, entry + 12);
    offset += image.length;
  });
  return Buffer.concat([head, ...images]);
}

const here = dirname(fileURLToPath(import.meta.url));
const png = pngOf(SIZE);
writeFileSync(join(here, 'icon.png'), png);
console.log(`Wrote icon.png (${png.length} bytes)`);
const ico = icoOf([16, 32, 48]);
const favicon = join(here, '..', '..', 'renderer', 'public', 'favicon.ico');
writeFileSync(favicon, ico);
console.log(`Wrote ${favicon} (${ico.length} bytes)`);
