/**
 * Reads a small multipart/form-data body (one uploaded CSV and a few text fields) for the training import page,
 * so the page works without JavaScript. Fusion has no multipart dependency; the body is capped by the route.
 */
export interface MultipartBody {
  fields: Record<string, string>;
  files: { field: string; filename: string; content: string }[];
}

export function boundaryOf(contentType: string | undefined): string | null {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
  return m ? (m[1] ?? m[2]!).trim() : null;
}

export function parseMultipart(body: Buffer, boundary: string): MultipartBody {
  const out: MultipartBody = { fields: {}, files: [] };
  const delimiter = Buffer.from(`--${boundary}`);
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    // Each part: CRLF headers CRLF CRLF content CRLF (then the next delimiter).
    const part = body.subarray(start + delimiter.length, next);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd !== -1) {
      const headers = part.subarray(0, headerEnd).toString('utf8');
      let content = part.subarray(headerEnd + 4);
      if (content.length >= 2 && content[content.length - 2] === 13 && content[content.length - 1] === 10)
        content = content.subarray(0, content.length - 2);
      const disposition = /content-disposition:\s*form-data;([^\r\n]*)/i.exec(headers)?.[1] ?? '';
      const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
      const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
      if (name !== undefined) {
        if (filename !== undefined)
          out.files.push({ field: name, filename, content: content.toString('utf8') });
        else out.fields[name] = content.toString('utf8');
      }
    }
    start = next;
  }
  return out;
}
