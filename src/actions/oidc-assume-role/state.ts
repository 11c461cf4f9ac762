/** What the main step leaves for the post step (in the runner's state): the files and variables to take back. */

/** the profile files: JSON of FilesState */
export const FILES_STATE = 'awsFiles';
/** the variables exported with a value: a JSON array of names */
export const ENV_STATE = 'awsEnv';

export interface FilesState {
  created: string[];
  /** profiles added to files this step did not create */
  merged: { credentialsFile: string; configFile: string; profile: string }[];
}
