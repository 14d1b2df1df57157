// esbuild bundles Markdown data files as strings (loader: text).
declare module '*.md' {
  const text: string;
  export default text;
}
