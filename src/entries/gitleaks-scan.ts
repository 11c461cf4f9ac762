import { runGitHubAction } from '../platform/entry.js';
import { gitleaksScan } from '../actions/gitleaks-scan.js';

await runGitHubAction(gitleaksScan);
