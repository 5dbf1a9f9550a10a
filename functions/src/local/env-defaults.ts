/**
 * Defaults every local entry point applies to its own environment before doing anything else, so the
 * child processes it starts (next build, next dev, the API under tsx watch) inherit them too.
 */
export function applyLocalEnvDefaults(env: Record<string, string | undefined> = process.env) {
  // Next.js would otherwise try to send telemetry, which a demo on a laptop or CI should never do.
  env.NEXT_TELEMETRY_DISABLED ??= '1';
  // AWS SDK v3 prints a Node 20 end-of-support notice on every client; Lambda runs Node 22+.
  env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
}
