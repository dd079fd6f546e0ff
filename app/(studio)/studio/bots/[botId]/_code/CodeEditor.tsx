'use client';

import dynamic from 'next/dynamic';

/**
 * Monaco, loaded in the browser only and from the installed package (never a CDN), the first
 * time an editor is shown: it is large, and most studio visits never open one.
 */
const MonacoEditor = dynamic(
  async () => {
    const [monaco, react] = await Promise.all([
      import('monaco-editor'),
      import('@monaco-editor/react'),
    ]);
    react.loader.config({ monaco });
    return react.default;
  },
  { ssr: false, loading: () => <p className="muted code-editor-loading">Loading the editor…</p> },
);

export function CodeEditor({
  value,
  language,
  readOnly,
  height,
  label,
  onChange,
}: {
  value: string;
  language: 'json' | 'javascript';
  readOnly: boolean;
  height: number | string;
  label: string;
  onChange: (value: string) => void;
}) {
  return (
    <div className="code-editor" style={{ height }} data-testid="code-editor">
      <MonacoEditor
        value={value}
        language={language}
        onChange={(next) => onChange(next ?? '')}
        options={{
          readOnly,
          ariaLabel: label,
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          fontSize: 13,
          tabSize: 2,
          automaticLayout: true,
        }}
      />
    </div>
  );
}
