'use client';

import type { TestCaseFailure } from '@/bot-runtime/botTests/runTestCase';
import { describeTestInput } from './describeTestInput';

/** The first expectation a case broke: at which turn, and expected against actual side by side. */
export function FailureDetail({ failure }: { failure: TestCaseFailure }) {
  return (
    <div className="tests-failure">
      <p className="muted">
        Turn {failure.turn}: {describeTestInput(failure.input)}
      </p>
      <dl className="tests-diff">
        <div>
          <dt>Expected</dt>
          <dd data-testid="expected">{failure.expected}</dd>
        </div>
        <div>
          <dt>Actual</dt>
          <dd data-testid="actual">{failure.actual}</dd>
        </div>
      </dl>
    </div>
  );
}
