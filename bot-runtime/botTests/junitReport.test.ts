import { describe, expect, it } from 'vitest';
import { junitReport } from './junitReport';
import type { TestSuiteResult } from './runTestSuite';

const run: TestSuiteResult = {
  passed: 1,
  failed: 1,
  results: [
    { caseId: 'order', name: 'Order status', passed: true, failure: null, turns: [] },
    {
      caseId: 'reset',
      name: 'Password <reset> & "email"',
      passed: false,
      failure: {
        turn: 2,
        input: { type: 'text', text: 'sam@example.com' },
        expectation: { kind: 'botSays', match: 'exact', text: 'Done.', ignoreCase: false },
        expected: 'bot says exactly "Done."',
        actual: 'bot said "Sent \u0007 <now>"',
      },
      turns: [],
    },
  ],
};

describe('JUnit report', () => {
  const report = junitReport('Customer support', run, 0.25);

  it('counts the cases and failures as CI systems read them', () => {
    expect(report.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(true);
    expect(report).toContain(
      '<testsuite name="Customer support" tests="2" failures="1" errors="0" skipped="0" time="0.250">',
    );
    expect(report).toContain(
      '<testcase classname="Customer support" name="Order status" id="order"/>',
    );
  });

  it('gives a failure its turn, expected and actual, escaped', () => {
    expect(report).toContain('name="Password &lt;reset&gt; &amp; &quot;email&quot;"');
    const message =
      'turn 2: expected bot says exactly &quot;Done.&quot;; got bot said &quot;Sent  &lt;now&gt;&quot;';
    expect(report).toContain(
      `<failure message="${message}" type="expectation">${message}</failure>`,
    );
  });

  it('is well-formed: every element it opens is closed, in order', () => {
    const tags = [...report.matchAll(/<(\/?)([a-z]+)[^>]*?(\/?)>/g)];
    const open: string[] = [];
    for (const [, closing, name, selfClosing] of tags) {
      if (selfClosing) continue;
      if (closing) expect(open.pop()).toBe(name);
      else open.push(name as string);
    }
    expect(open).toEqual([]);
    expect(report).not.toContain('\u0007');
  });
});
