import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/trpc/root';

type Outputs = inferRouterOutputs<AppRouter>;

export type Overview = Outputs['supervisor']['overview'];
export type FloorAgent = Overview['agents'][number];
export type FloorItem = Overview['waitingItems'][number];
export type Decision = Outputs['supervisor']['decisions'][number];
