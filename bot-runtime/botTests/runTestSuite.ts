import { runTestCase, type TestCaseResult, type TestRunContext } from './runTestCase';
import type { TestCase } from './testCase';

export interface TestSuiteResult {
  results: TestCaseResult[];
  passed: number;
  failed: number;
}

/** Runs cases one after another (each is a few engine turns), in the order given. */
export async function runTestSuite(
  context: TestRunContext,
  cases: readonly TestCase[],
): Promise<TestSuiteResult> {
  const results: TestCaseResult[] = [];
  for (const testCase of cases) results.push(await runTestCase(context, testCase));
  const passed = results.filter((result) => result.passed).length;
  return { results, passed, failed: results.length - passed };
}
