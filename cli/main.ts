// Starts the explain command (kept apart so tests can import cli/explain.ts without running it).
import { main } from './explain';

await main();
