import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { actionRegistry } from './builtInActions';
import { createActionRegistry } from './createActionRegistry';
import { orderStatusAction } from './orderStatus/orderStatusAction';

describe('action registry', () => {
  it('lists every built-in action', () => {
    expect(actionRegistry.list().map((action) => action.name)).toEqual([
      'http',
      'script',
      'orderStatus',
      'passwordReset',
      'faqSearch',
    ]);
  });

  it('finds an action by name', () => {
    expect(actionRegistry.get('orderStatus')).toBe(orderStatusAction);
    expect(actionRegistry.has('teleport')).toBe(false);
    expect(actionRegistry.get('teleport')).toBeUndefined();
  });

  it('offers the studio the result fields of an action with their types', () => {
    const orderStatus = actionRegistry.list().find((action) => action.name === 'orderStatus');
    expect(orderStatus?.outputFields).toEqual([
      expect.objectContaining({ name: 'found', type: 'boolean', required: true, nullable: false }),
      expect.objectContaining({ name: 'orderNumber', type: 'string' }),
      expect.objectContaining({ name: 'status', type: 'string', nullable: true }),
      expect.objectContaining({ name: 'estimatedDelivery', type: 'string', nullable: true }),
      expect.objectContaining({ name: 'trackingUrl', type: 'string', nullable: true }),
      expect.objectContaining({ name: 'message', type: 'string' }),
    ]);
  });

  it('describes enums and inputs with defaults', () => {
    const passwordReset = actionRegistry.list().find((action) => action.name === 'passwordReset');
    expect(passwordReset?.outputFields[0]).toMatchObject({
      name: 'outcome',
      values: ['requested', 'email_required', 'email_invalid'],
    });
    const http = actionRegistry.list().find((action) => action.name === 'http');
    expect(http?.inputFields.find((field) => field.name === 'url')).toMatchObject({
      type: 'string',
      required: true,
    });
    expect(http?.inputFields.find((field) => field.name === 'method')).toMatchObject({
      required: false,
      values: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    });
    expect(http?.outputFields.map((field) => field.name)).toEqual([
      'status',
      'ok',
      'body',
      'variables',
    ]);
  });

  it('refuses two actions with the same name', () => {
    const twin = { ...orderStatusAction, output: z.object({}) };
    expect(() => createActionRegistry([orderStatusAction, twin])).toThrow(/Two actions are named/);
  });
});
