'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@/app/_trpc/client';
import type { PushSettingsView } from '@/server/push/pushSettings';

/** Every push change answers with the whole view: it replaces the cached one, no refetch. */
export function useSavePushSettingsView(deploymentId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return (view: PushSettingsView) =>
    queryClient.setQueryData(trpc.push.settings.queryKey({ deploymentId }), view);
}
