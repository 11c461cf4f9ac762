/**
 * AWS partitions and their regions, to reject a region before any call. A region that is
 * newer than this list can still be used by giving an explicit `sts-endpoint`.
 */
export type Partition = 'aws' | 'aws-cn' | 'aws-us-gov';

export const REGIONS: Readonly<Record<Partition, readonly string[]>> = {
  aws: [
    'us-east-1',
    'us-east-2',
    'us-west-1',
    'us-west-2',
    'af-south-1',
    'ap-east-1',
    'ap-east-2',
    'ap-south-1',
    'ap-south-2',
    'ap-northeast-1',
    'ap-northeast-2',
    'ap-northeast-3',
    'ap-southeast-1',
    'ap-southeast-2',
    'ap-southeast-3',
    'ap-southeast-4',
    'ap-southeast-5',
    'ap-southeast-6',
    'ap-southeast-7',
    'ca-central-1',
    'ca-west-1',
    'eu-central-1',
    'eu-central-2',
    'eu-west-1',
    'eu-west-2',
    'eu-west-3',
    'eu-south-1',
    'eu-south-2',
    'eu-north-1',
    'il-central-1',
    'me-south-1',
    'me-central-1',
    'mx-central-1',
    'sa-east-1',
  ],
  'aws-cn': ['cn-north-1', 'cn-northwest-1'],
  'aws-us-gov': ['us-gov-west-1', 'us-gov-east-1'],
};

/** The shape every region name has (e.g. eu-west-1, us-gov-east-1). */
export const REGION_SHAPE = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/;

export function partitionOf(region: string): Partition | undefined {
  for (const [p, list] of Object.entries(REGIONS) as [Partition, readonly string[]][]) if (list.includes(region)) return p;
  return undefined;
}

/** The regional STS endpoint the SDK would use (shown in messages only). */
export function stsEndpoint(region: string): string {
  return `https://sts.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}`;
}
