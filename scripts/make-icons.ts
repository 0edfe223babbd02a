// Renders public/icon/*.png from the SVG below with Debian's Chromium: run `npx tsx scripts/make-icons.ts`.
import { chromium } from 'playwright-core';
import { mkdir } from 'node:fs/promises';

// A gateway arch over a keyhole: "what happened at the gateway". The error state adds a red dot.
const svg = (error: boolean) => `
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128" width="128" height="128">
  <rect x="4" y="4" width="120" height="120" rx="28" fill="#174ea6"/>
  <path d="M32 104 V60 a32 32 0 0 1 64 0 V104" fill="none" stroke="#fff" stroke-width="15" stroke-linecap="round"/>
  <circle cx="64" cy="70" r="10" fill="#fff"/>
  <rect x="58" y="74" width="12" height="24" rx="5" fill="#fff"/>
  ${error ? '<circle cx="98" cy="98" r="27" fill="#d93025" stroke="#fff" stroke-width="7"/><rect x="94" y="82" width="8" height="20" rx="4" fill="#fff"/><circle cx="98" cy="110" r="4.5" fill="#fff"/>' : ''}
</svg>`;

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
await mkdir('public/icon', { recursive: true });
for (const [prefix, error, sizes] of [
  ['', false, [16, 32, 48, 96, 128]],
  ['error-', true, [16, 32]],
] as const) {
  for (const size of sizes) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<style>html,body{margin:0;background:transparent}svg{width:${size}px;height:${size}px;display:block}</style>${svg(error)}`);
    await page.screenshot({ path: `public/icon/${prefix}${size}.png`, omitBackground: true });
  }
}
await browser.close();
