// --release: a release ships a tidy go.mod. This is tidy-check's prediction (offline: the source
// tree, go.mod and the module cache; no go command, no network), reported as the three ways
// go.mod can be untidy. The other things tidy-check finds (import cycles, internal imports,
// mixed packages) are build failures the go command reports by itself.
import { tidyFindings } from '../../../tidy/findings.ts';
import { defineCheck } from '../../types.ts';

const UNTIDY = new Set(['missing-requirement', 'unused-requirement', 'indirect-marker-mismatch']);

export default defineCheck({
  id: 'project/release-tidy',
  area: 'project',
  needs: ['tidy'],
  causes: ['missing-requirement', 'unused-requirement', 'indirect-marker-mismatch'],
  async run({ facts, lang }) {
    const prediction = await facts.tidy();
    return prediction ? tidyFindings(prediction, lang).filter((f) => UNTIDY.has(f.cause)) : [];
  },
});
