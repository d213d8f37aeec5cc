// Paths with forward slashes, the same in Node and in the browser.

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '.' : i === 0 ? '/' : path.slice(0, i);
}

/** Joins a relative path onto a directory, resolving "." and ".." (forward slashes). */
export function joinPath(dir: string, rel: string): string {
  if (rel.startsWith('/')) return rel;
  const parts = dir === '.' ? [] : dir.split('/');
  for (const part of rel.split('/')) {
    if (part === '.' || part === '') continue;
    if (
      part === '..' &&
      parts.length > 0 &&
      parts[parts.length - 1] !== '..' &&
      parts[parts.length - 1] !== ''
    )
      parts.pop();
    else parts.push(part);
  }
  return parts.join('/') || '.';
}
