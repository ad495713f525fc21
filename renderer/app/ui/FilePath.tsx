// A path on this machine: shown as it is (not translated), whatever the UI language.

export function FilePath({ path }: { path: string }) {
  return (
    <code className="file-path" translate="no" data-user-content>
      {path}
    </code>
  );
}
