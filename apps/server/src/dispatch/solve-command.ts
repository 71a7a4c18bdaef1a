import { trySolveDispatch } from '@zhanqin/domain';

/** `zhanqin solve`: JSON text in, plan JSON out (exit 0), or the list of problems found (exit 1). */
export function runSolveCommand(text: string): { exitCode: number; output: string } {
  let problem: unknown;
  try {
    problem = JSON.parse(text);
  } catch (error) {
    return {
      exitCode: 1,
      output: JSON.stringify({ code: 'MALFORMED_JSON', message: `The input is not valid JSON: ${(error as Error).message}` }),
    };
  }
  const result = trySolveDispatch(problem);
  if (!result.ok) {
    return {
      exitCode: 1,
      output: JSON.stringify(
        { code: 'INVALID_PROBLEM', message: 'The dispatch problem is invalid', details: { issues: result.error } },
        null,
        2,
      ),
    };
  }
  return { exitCode: 0, output: JSON.stringify(result.value, null, 2) };
}
