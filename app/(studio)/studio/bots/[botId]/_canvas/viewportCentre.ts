import type { useReactFlow } from '@xyflow/react';

/** Where a node added without a place goes: the middle of the visible canvas, in flow space. */
export function viewportCentre(reactFlow: ReturnType<typeof useReactFlow>) {
  const canvas = document.querySelector('[data-testid="flow-canvas"]')?.getBoundingClientRect();
  const centre = canvas
    ? { x: canvas.left + canvas.width / 2, y: canvas.top + canvas.height / 2 }
    : { x: window.innerWidth / 2, y: window.innerHeight / 2 };
  const position = reactFlow.screenToFlowPosition(centre);
  return { x: position.x - 110, y: position.y - 40 };
}
