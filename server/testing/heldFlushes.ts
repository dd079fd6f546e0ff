/** A file flush the test finishes or fails by hand; `started` holds each flush as it begins. */
export function heldFlushes() {
  const started: { finish: () => void; fail: (error: Error) => void }[] = [];
  const flush = () =>
    new Promise<void>((resolve, reject) => {
      started.push({ finish: resolve, fail: reject });
    });
  return { started, flush };
}
