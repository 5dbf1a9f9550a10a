/** A gzipped asset imported by the Lambda entry: esbuild's `binary` loader turns it into its bytes. */
declare module '*.js.gz' {
  const bytes: Uint8Array;
  export default bytes;
}
