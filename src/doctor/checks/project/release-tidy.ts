// --release: a release ships a tidy go.mod. This is tidy-check's prediction (offline: the source
// tree, go.mod and the module cache; no go command, no network), reported as the three ways
// go.mod can be untidy. The other things tidy-check finds (import cycles, internal imports,
// mixed packages) are build failures the go command reports by itself.
import { analyzeTidy } from '../../../tidy/analyze.ts';
import { tidyFindings } from '../../../tidy/findings.ts';
import { defineCheck } from '../../types.ts';

const UNTIDY = new Set(['missing-requirement', 'unused-requirement', 'indirect-marker-mismatch']);

export default defineCheck({
  id: 'project/release-tidy',
  area: 'project',
  needs: ['project', 'goenv'],
  causes: ['missing-requirement', 'unused-requirement', 'indirect-marker-mismatch'],
  async run({ facts, lang, options }) {
    if (!options.release) return [];
    const project = await facts.project();
    if (!project.main || project.main.parsed.errors.length > 0) return [];
    // The settings as the user's go command resolves them (GOMODCACHE above all).
    const goenv = await facts.goenv();
    const env = { ...options.env, ...(goenv?.values ?? {}) };
    const prediction = analyzeTidy({ dir: project.main.dir, env });
    return tidyFindings(prediction, lang).filter((f) => UNTIDY.has(f.cause));
  },
});
