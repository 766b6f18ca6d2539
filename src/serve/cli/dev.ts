// runs the CLI from source (development: node --import tsx src/serve/cli/dev.ts <command> ...).
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2));
