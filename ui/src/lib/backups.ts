/** A backup's size as people read it: MiB from a tenth of one, else KiB. */
export function fileSize(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  return mib >= 0.1 ? `${mib.toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}
