import { runGitHubAction } from '../platform/entry.js';
import { uploadWorkflowArtifact } from '../platform/artifact-client.js';
import { guardHooks } from '../guard/hooks.js';
import { gitleaksScan } from '../actions/gitleaks-scan/index.js';

// the artifact client (a lazily loaded chunk) only in this bundle: upload-artifact
await runGitHubAction(gitleaksScan, { artifacts: uploadWorkflowArtifact, hooks: guardHooks });
