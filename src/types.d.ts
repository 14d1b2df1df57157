// esbuild bundles Markdown data files as strings (loader: text).
declare module '*.md' {
  const text: string;
  export default text;
}

// …and the export page's stylesheet (media/handout.css) likewise.
declare module '*.css' {
  const text: string;
  export default text;
}
