// A link that downloads base64 bytes (an export file) as a file: an object URL, released when the link goes.

import { useEffect, useState } from 'react';

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

export function BytesDownloadLink({ base64, fileName, mediaType, label }: { base64: string; fileName: string; mediaType: string; label: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const made = URL.createObjectURL(new Blob([bytesOf(base64)], { type: mediaType }));
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [base64, mediaType]);
  if (!url) return null;
  return (
    <a className="button button-small" href={url} download={fileName}>
      {label}
    </a>
  );
}
