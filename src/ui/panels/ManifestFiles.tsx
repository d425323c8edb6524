import type { ManifestFile } from '../../core/index.ts';

/** The workspace manifests, read-only, as plain text. */
export function ManifestFiles({ files }: { readonly files: readonly ManifestFile[] }) {
  return (
    <section className="panel" aria-labelledby="files-heading">
      <h2 id="files-heading">Manifests</h2>
      {files.map((file) => (
        <details key={file.name} className="manifest">
          <summary>{file.name}</summary>
          <pre>{file.text}</pre>
        </details>
      ))}
    </section>
  );
}
