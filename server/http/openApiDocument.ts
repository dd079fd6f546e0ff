import { z } from 'zod';
import {
  apiErrorSchema,
  conversationListSchema,
  conversationStartedSchema,
  csatBody,
  entriesPageSchema,
  messageAcceptedSchema,
  pushRegistrationBody,
  pushRegistrationSchema,
  pushTokenRevokedSchema,
  readBody,
  refreshTokenBody,
  revokePushTokenBody,
  sendMessageBody,
  startConversationBody,
  typingBody,
} from '../../contract/conversations';
import { prechatFormSchema } from '../../contract/prechat';

const json = (schema: z.ZodType, io: 'input' | 'output' = 'output') => ({
  'application/json': { schema: z.toJSONSchema(schema, { io, unrepresentable: 'any' }) },
});

const error = (description: string) => ({ description, content: json(apiErrorSchema) });
const bearer = [{ conversationToken: [] }];
const conversationId = {
  name: 'conversationId',
  in: 'path',
  required: true,
  schema: { type: 'string' },
};
const common = {
  '400': error('The body or query is invalid (code INVALID_REQUEST or INVALID_JSON).'),
  '401': error('The access token is missing, invalid or expired.'),
  '404': error('No such conversation for this token.'),
  '429': error('Rate limited; see the Retry-After header.'),
};

/** OpenAPI 3.1 for /api/v1, generated from the same zod schemas the handlers validate with. */
export function buildOpenApiDocument(version: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Parley Messaging API',
      version,
      description:
        'What production apps and the Parley SDK call: conversations that persist, messages that are never lost or doubled, and a resumable live stream.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: {
        conversationToken: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'The accessToken returned when a conversation starts; scoped to that conversation.',
        },
      },
    },
    paths: {
      '/api/v1/health': {
        get: {
          operationId: 'health',
          responses: {
            '200': { description: 'Parley and its database are working.' },
            '503': { description: 'The database is not usable; the reason is included.' },
          },
        },
      },
      '/api/v1/deployments/{deploymentId}/conversations': {
        post: {
          operationId: 'startConversation',
          summary: 'Start a conversation, or resume the open one of a verified customer.',
          parameters: [
            { name: 'deploymentId', in: 'path', required: true, schema: { type: 'string' } },
          ],
          requestBody: { required: true, content: json(startConversationBody, 'input') },
          responses: {
            '201': {
              description: 'A new conversation with the bot greeting.',
              content: json(conversationStartedSchema),
            },
            '200': {
              description: 'The verified customer’s open conversation, resumed.',
              content: json(conversationStartedSchema),
            },
            '400': error(
              'The body is invalid (INVALID_REQUEST, INVALID_JSON), or a pre-chat answer is missing or malformed (PRECHAT_INVALID; the message names the field).',
            ),
            '401': error(
              'The identity token is required, invalid, expired or for another audience.',
            ),
            '404': error('No such deployment.'),
            '413': error('The body is too large.'),
            '429': common['429'],
          },
        },
      },
      '/api/v1/deployments/{deploymentId}/prechat': {
        get: {
          operationId: 'getPrechatForm',
          summary:
            'The web widget’s view of the deployment: the fields to ask a new customer before the conversation starts (send the answers as `prechat` when starting it), and whether it sends Web Push notifications with the VAPID public key to subscribe with.',
          parameters: [
            { name: 'deploymentId', in: 'path', required: true, schema: { type: 'string' } },
          ],
          responses: {
            '200': {
              description: 'The pre-chat form and Web Push set-up.',
              content: json(prechatFormSchema),
            },
            '404': error('No such deployment.'),
            '429': common['429'],
          },
        },
      },
      '/api/v1/conversations/{conversationId}/messages': {
        post: {
          operationId: 'sendMessage',
          summary: 'Send a customer message; repeating a clientMessageId returns the stored entry.',
          security: bearer,
          parameters: [conversationId],
          requestBody: { required: true, content: json(sendMessageBody, 'input') },
          responses: {
            '201': { description: 'Stored durably.', content: json(messageAcceptedSchema) },
            '200': {
              description: 'Already stored under this clientMessageId.',
              content: json(messageAcceptedSchema),
            },
            ...common,
            '409': error('The conversation has ended.'),
            '413': error('The body is too large.'),
          },
        },
      },
      '/api/v1/conversations/{conversationId}/entries': {
        get: {
          operationId: 'listEntries',
          security: bearer,
          parameters: [
            conversationId,
            { name: 'after', in: 'query', schema: { type: 'integer', minimum: 0 } },
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 200 } },
            {
              name: 'wait',
              in: 'query',
              description:
                'Long-polling for clients that cannot read a stream: with no entry after `after`, the answer waits up to this many seconds for one.',
              schema: { type: 'integer', minimum: 0, maximum: 30 },
            },
          ],
          responses: {
            '200': { description: 'Entries ordered by seq.', content: json(entriesPageSchema) },
            ...common,
          },
        },
      },
      '/api/v1/conversations/{conversationId}/stream': {
        get: {
          operationId: 'streamEntries',
          summary:
            'Server-Sent Events: `entry` events with id = seq (resume with Last-Event-ID or ?after=), `typing` events, `read` events when the agent has read up to a seq, and heartbeats. Browsers may pass the token as ?access_token=.',
          security: bearer,
          parameters: [
            conversationId,
            { name: 'after', in: 'query', schema: { type: 'integer', minimum: 0 } },
            { name: 'Last-Event-ID', in: 'header', schema: { type: 'string' } },
          ],
          responses: {
            '200': {
              description: 'An event stream.',
              content: { 'text/event-stream': { schema: { type: 'string' } } },
            },
            ...common,
          },
        },
      },
      '/api/v1/conversations/{conversationId}/typing': {
        post: {
          operationId: 'setTyping',
          security: bearer,
          parameters: [conversationId],
          requestBody: { required: true, content: json(typingBody, 'input') },
          responses: { '204': { description: 'Sent to the other participants.' }, ...common },
        },
      },
      '/api/v1/conversations/{conversationId}/read': {
        post: {
          operationId: 'markRead',
          security: bearer,
          parameters: [conversationId],
          requestBody: { required: true, content: json(readBody, 'input') },
          responses: { '200': { description: 'Entries up to this seq are read.' }, ...common },
        },
      },
      '/api/v1/conversations/{conversationId}/end': {
        post: {
          operationId: 'endConversation',
          security: bearer,
          parameters: [conversationId],
          responses: { '200': { description: 'The conversation has ended.' }, ...common },
        },
      },
      '/api/v1/conversations/{conversationId}/csat': {
        post: {
          operationId: 'rateConversation',
          security: bearer,
          parameters: [conversationId],
          requestBody: { required: true, content: json(csatBody, 'input') },
          responses: {
            '201': { description: 'Thanks for the rating.' },
            ...common,
            '409': error('Already rated.'),
          },
        },
      },
      '/api/v1/conversations/{conversationId}/token': {
        post: {
          operationId: 'refreshToken',
          security: bearer,
          parameters: [conversationId],
          summary:
            'A fresh access token; accepts one that expired up to 30 days ago. With an identity token, links an anonymous conversation to the verified customer.',
          requestBody: { required: false, content: json(refreshTokenBody, 'input') },
          responses: {
            '200': { description: 'A fresh access token.' },
            ...common,
            '403': error('The conversation belongs to another customer.'),
          },
        },
      },
      '/api/v1/conversations': {
        get: {
          operationId: 'listConversations',
          summary: 'A verified customer’s conversations in this deployment, newest first.',
          security: bearer,
          responses: {
            '200': {
              description: 'Conversation summaries.',
              content: json(conversationListSchema),
            },
            '401': common['401'],
            '403': error('Only verified customers have a history.'),
          },
        },
      },
      '/api/v1/push-registrations': {
        post: {
          operationId: 'registerPush',
          security: bearer,
          requestBody: { required: true, content: json(pushRegistrationBody, 'input') },
          responses: {
            '201': { description: 'Registered.', content: json(pushRegistrationSchema) },
            '400': common['400'],
            '401': common['401'],
          },
        },
      },
      '/api/v1/push-registrations/revoke': {
        post: {
          operationId: 'revokePushToken',
          summary:
            'Logging out on a device: every registration of this customer (a verified customer’s contact, or this conversation) with this device token or Web Push endpoint stops.',
          security: bearer,
          requestBody: { required: true, content: json(revokePushTokenBody, 'input') },
          responses: {
            '200': {
              description: 'How many registrations stopped; 0 when none had the token.',
              content: json(pushTokenRevokedSchema),
            },
            '400': common['400'],
            '401': common['401'],
          },
        },
      },
      '/api/v1/push-registrations/{registrationId}': {
        delete: {
          operationId: 'unregisterPush',
          security: bearer,
          parameters: [
            { name: 'registrationId', in: 'path', required: true, schema: { type: 'string' } },
          ],
          responses: {
            '204': { description: 'Removed.' },
            '401': common['401'],
            '404': error('No such registration for this customer.'),
          },
        },
      },
      '/api/v1/openapi.json': {
        get: { operationId: 'openApi', responses: { '200': { description: 'This document.' } } },
      },
    },
  };
}
