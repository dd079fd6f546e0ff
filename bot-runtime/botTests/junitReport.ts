import type { TestSuiteResult } from './runTestSuite';

/**
 * The results as JUnit XML, the format CI systems read: one `<testsuite>` named after the bot,
 * one `<testcase>` per case, and for a failure its first broken expectation.
 */
export function junitReport(botName: string, run: TestSuiteResult, seconds: number): string {
  const cases = run.results.map((result) => {
    const open = `    <testcase classname="${xml(botName)}" name="${xml(result.name)}" id="${xml(result.caseId)}"`;
    if (!result.failure) return `${open}/>`;
    const { turn, expected, actual } = result.failure;
    const message = `turn ${turn}: expected ${expected}; got ${actual}`;
    return [
      `${open}>`,
      `      <failure message="${xml(message)}" type="expectation">${xml(message)}</failure>`,
      '    </testcase>',
    ].join('\n');
  });
  const totals = `tests="${run.results.length}" failures="${run.failed}" errors="0" skipped="0" time="${seconds.toFixed(3)}"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="Parley bot tests" ${totals}>`,
    `  <testsuite name="${xml(botName)}" ${totals}>`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

/**
 * Escapes text for an attribute or element, and drops the characters XML 1.0 cannot hold at
 * all (most control characters, lone surrogates), which a bot message could contain.
 */
function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;')
    .replaceAll('\n', '&#10;')
    .replaceAll('\r', '&#13;')
    .replaceAll('\t', '&#9;');
}
