import { compileErrors, validate } from '@readme/openapi-parser';
import { describe, expect, it } from 'vitest';
import { useTestApi } from '../testing/apiServer';

describe('OpenAPI document', () => {
  const startApi = useTestApi();

  it('is served at /api/v1/openapi.json and is a valid OpenAPI 3.1 document', async () => {
    const { base } = await startApi();
    const res = await fetch(`${base}/api/v1/openapi.json`);
    expect(res.status).toBe(200);
    const document = await res.json();
    expect(document.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(document));
    expect(result.valid ? '' : compileErrors(result)).toBe('');
    expect(result.valid).toBe(true);
    expect(Object.keys(document.paths)).toContain(
      '/api/v1/conversations/{conversationId}/messages',
    );
    expect(document.paths['/api/v1/push-registrations/revoke'].post.operationId).toBe(
      'revokePushToken',
    );
  });
});
