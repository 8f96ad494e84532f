import { DomainError } from '../domain/errors.ts';
import { buildProgram } from './program.ts';

/** Entry of the `retour` command (bin/retour.mjs): runs the program, readable errors, exit code 1. */
buildProgram()
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    if (error instanceof DomainError) {
      console.error(`retour: ${error.message}`);
      for (const issue of error.issues) console.error(`  ${issue.name}: ${issue.reason}`);
    } else {
      console.error(`retour: ${error instanceof Error ? error.message : String(error)}`);
    }
    process.exit(1);
  });
