/**
 * Zoomed out, a node's text is a few pixels tall: below FULL_ZOOM nodes are drawn as outline,
 * icon, label in large type and marks; below LABEL_ZOOM, where even that label is too small to
 * read, as outline, icon and marks. Both are several times cheaper to draw, and to repaint on
 * every frame of a pan, than 300 nodes of small text. Between the two the large label reads
 * better than the full node would: at 0.5 its type is 12 px where the full node's is 6 px.
 */
export const FULL_ZOOM = 0.6;
export const LABEL_ZOOM = 0.3;

/**
 * Where the editor opens when fitting the whole flow would hide the labels: the large labels
 * read at 12 px, and the nodes stay as cheap to draw as when fitted.
 */
export const READABLE_ZOOM = 0.5;

export const MIN_ZOOM = 0.1;
export const MAX_ZOOM = 2;

export type Detail = 'full' | 'label' | 'icon';

export function detailAtZoom(zoom: number): Detail {
  return zoom >= FULL_ZOOM ? 'full' : zoom >= LABEL_ZOOM ? 'label' : 'icon';
}
