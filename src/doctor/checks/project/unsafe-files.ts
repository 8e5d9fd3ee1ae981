// Project files that exist but were not read: a FIFO, device or socket where go.mod, go.sum,
// go.work or vendor/modules.txt should be, a symbolic link leading outside the project (or into a
// loop), or a file too large to be real. The reader refuses them (see src/files/read.ts) so that a
// hostile checkout can neither hang nor exhaust the doctor, nor make it print files of the host.
import { refusalFinding } from '../../../files/messages.ts';
import { defineCheck } from '../../types.ts';

export default defineCheck({
  id: 'project/unsafe-files',
  area: 'project',
  needs: ['project'],
  causes: ['project-file-unsafe'],
  async run({ facts, lang }) {
    const project = await facts.project();
    return project.refused.map(({ file, refusal }) => refusalFinding(refusal, file, lang));
  },
});
