import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/trpc/root';

type Outputs = inferRouterOutputs<AppRouter>;

export type Workspace = Outputs['console']['workspace'];
export type WorkspaceItem = Workspace['conversations'][number];
export type ConversationView = Outputs['console']['conversation'];
export type ConversationEntry = ConversationView['entries'][number];
export type ConversationNote = ConversationView['notes'][number];
export type Presence = Workspace['presence'];
