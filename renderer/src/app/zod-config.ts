import { config } from 'zod';

// zod 4 probes `new Function('')` to speed up object parsing; our Content Security Policy
// forbids eval, so the probe logs a CSP violation on every load. jitless parses without it
// (the speed-up is irrelevant at the API's sizes). Imported first by main.tsx, before any parse.
config({ jitless: true });
