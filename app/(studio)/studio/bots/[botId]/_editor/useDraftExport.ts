'use client';

import { useQueryClient } from '@tanstack/react-query';
import { errorMessage, useTRPC } from '@/app/_trpc/client';

/** Export: downloads the flow file as the server writes it, or says why it could not. */
export function useDraftExport(botId: string, onError: (message: string | null) => void) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async function download() {
    onError(null);
    try {
      const exported = await queryClient.fetchQuery({
        ...trpc.bots.export.queryOptions({ botId }),
        staleTime: 0,
      });
      downloadJson(exported.fileName, exported.document);
    } catch (error) {
      onError(errorMessage(error));
    }
  };
}

function downloadJson(fileName: string, document: unknown) {
  const url = URL.createObjectURL(
    new Blob([JSON.stringify(document, null, 2)], { type: 'application/json' }),
  );
  const link = Object.assign(window.document.createElement('a'), { href: url, download: fileName });
  link.click();
  URL.revokeObjectURL(url);
}
