import { runGitHubAction } from '../platform/github/entry.js';
import { uploadWorkflowArtifact } from '../platform/github/artifact-client.js';
import { guardHooks } from '../guard/hooks.js';
import { gitleaksScan } from '../actions/gitleaks-scan/index.js';

// the artifact client (a lazily loaded chunk) only in this bundle: upload-artifact
await runGitHubAction(gitleaksScan, { artifacts: uploadWorkflowArtifact, hooks: guardHooks });
