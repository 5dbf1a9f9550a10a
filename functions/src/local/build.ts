/** `npm run build`: builds the static site into web/out (the only part that needs building). */
import { applyLocalEnvDefaults } from './env-defaults';
import { buildSite } from './site';

applyLocalEnvDefaults();
buildSite().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
