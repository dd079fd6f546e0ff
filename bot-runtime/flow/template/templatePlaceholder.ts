/** `{{ name }}` or `{{ name.path.0 }}`; the first capture is the dotted path. */
export const TEMPLATE_PLACEHOLDER = /\{\{\s*([A-Za-z_][\w]*(?:\.[\w]+)*)\s*\}\}/g;
