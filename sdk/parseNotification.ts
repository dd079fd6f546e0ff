/**
 * The conversation and entry a Parley notification is about, from whatever shape the app's push
 * library hands over: APNs puts `conversationId` and `seq` at the top of the payload, FCM in
 * `data` as strings, and Expo's Notifications under `request.content.data`.
 */
export function parseNotification(
  payload: unknown,
): { conversationId: string; seq: number } | null {
  for (const candidate of candidates(payload)) {
    const conversationId = candidate.conversationId;
    const seq = Number(candidate.seq);
    if (typeof conversationId === 'string' && conversationId && Number.isInteger(seq) && seq > 0) {
      return { conversationId, seq };
    }
  }
  return null;
}

function* candidates(payload: unknown): Generator<Record<string, unknown>> {
  if (!isRecord(payload)) return;
  yield payload;
  if (isRecord(payload.data)) yield payload.data;
  const request = payload.request;
  if (isRecord(request) && isRecord(request.content) && isRecord(request.content.data)) {
    yield request.content.data;
  }
  const notification = payload.notification;
  if (isRecord(notification)) yield* candidates(notification);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
