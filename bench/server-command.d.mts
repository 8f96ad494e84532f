/** The node arguments of package.json's start script (flags, then the compiled entry point). */
export function serverNodeArgs(root?: URL): string[];
